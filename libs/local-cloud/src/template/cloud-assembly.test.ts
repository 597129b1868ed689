import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStagesApp } from '../../test-stacks/stages-app';
import { loadAssembly } from './cloud-assembly';
import { AssemblyLoadError } from './errors';
import { resolveAssembly } from './resolve-assembly';

let cdkOut: string;

beforeAll(() => {
  cdkOut = synthStagesApp(mkdtempSync(join(tmpdir(), 'local-cloud-stages-')));
});
afterAll(() => rmSync(cdkOut, { recursive: true, force: true }));

describe('loadAssembly', () => {
  it('asks for a stage when the assembly holds several and no top-level stack', () => {
    expect(() => loadAssembly(cdkOut)).toThrow(/has no top-level stacks but 2 stages: choose one of Dev, Prod/);
  });

  it('loads the stacks of the chosen stage under their deployed names', () => {
    const assembly = loadAssembly(cdkOut, { stage: 'Prod' });

    expect(assembly.stacks.map((s) => [s.stackName, s.displayName])).toEqual([['Prod-Data', 'Prod/Data']]);
  });

  it('keeps the region a stage pins and gives environment-agnostic stacks the configured one', () => {
    const target = { accountId: '000000000000', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:1' };

    const prod = resolveAssembly(loadAssembly(cdkOut, { stage: 'Prod' }), target);
    const dev = resolveAssembly(loadAssembly(cdkOut, { stage: 'Dev' }), target);

    expect(prod.stacks[0]!.outputs.JobsArn).toMatch(/^arn:aws:sqs:eu-west-2:000000000000:Prod-Data-Jobs/);
    expect(dev.stacks[0]!.outputs.JobsArn).toMatch(/^arn:aws:sqs:us-east-1:000000000000:Dev-Data-Jobs/);
  });

  it('names the stages it has when the one asked for is missing', () => {
    expect(() => loadAssembly(cdkOut, { stage: 'Staging' })).toThrow(/No stage "Staging" .*stages: Dev, Prod/);
  });

  it('rejects a folder that is not a cloud assembly', () => {
    const empty = mkdtempSync(join(tmpdir(), 'local-cloud-empty-'));

    expect(() => loadAssembly(empty)).toThrow(AssemblyLoadError);
    rmSync(empty, { recursive: true });
  });
});

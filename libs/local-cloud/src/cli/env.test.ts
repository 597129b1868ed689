import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthIntrinsicsApp } from '../../test-stacks/intrinsics-app';
import { envCommand } from './env';
import { logsCommand } from './logs';
import { startCommand } from './start';
import { writeState } from './state-file';

let workDir: string;
let cdkOut: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'local-cloud-cli-'));
  cdkOut = synthIntrinsicsApp(join(workDir, 'cdk.out'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('local-cloud env', () => {
  it('fails with a clear message when no local cloud runs', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'local-cloud-none-'));

    await expect(envCommand(empty)).rejects.toThrow(/No local cloud is running: no \.local-cloud\/instance\.json/);
    rmSync(empty, { recursive: true });
  });

  it('fails when the recorded process has exited', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'local-cloud-stale-'));
    writeState(stale, { pid: 2 ** 22 + 1, url: 'http://127.0.0.1:1', services: [], environment: {}, assembly: '', startedAt: '' });

    await expect(envCommand(stale)).rejects.toThrow(/is no longer running/);
    rmSync(stale, { recursive: true });
  });

  it('prints the export lines of the running instance, from a sub-folder too, until it stops', async () => {
    const lines: string[] = [];
    const { cloud, stop } = await startCommand({ assembly: cdkOut, stateDir: workDir, logLevel: 'error', say: (line) => lines.push(line) });
    const sub = join(workDir, 'sub');
    mkdirSync(sub);

    const exports = await envCommand(sub);

    expect(exports).toContain(`export AWS_ENDPOINT_URL_LAMBDA=${cloud.url}\n`);
    expect(exports).toContain('export AWS_REGION=us-east-1\n');
    expect(lines).toContainEqual(expect.stringMatching(/unsupported AWS::EC2::VPC x1/));
    await expect(logsCommand(sub, 'Checkout')).rejects.toThrow(/No single function matches "Checkout"/);
    await stop();
    await expect(envCommand(sub)).rejects.toThrow(/No local cloud is running/);
  });
});

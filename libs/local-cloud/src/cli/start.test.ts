import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startCommand } from './start';

const appDir = fileURLToPath(new URL('../../test-stacks/cdk-app', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'local-cloud-start-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('local-cloud start --app', () => {
  it('synthesizes the app with the CDK CLI, starts its stacks and prints endpoints and exports', async () => {
    const lines: string[] = [];

    const { cloud, stop } = await startCommand({ app: appDir, stateDir, logLevel: 'error', say: (line) => lines.push(line) });

    await stop();
    expect(cloud.resolved.stacks.map((s) => s.stackName)).toEqual(['Dev-Producer', 'Dev-Consumer']);
    expect(lines).toContainEqual(expect.stringMatching(/^local-cloud: synthesizing .*cdk-app \(cdk synth\)/));
    expect(lines).toContainEqual(`  lambda       ${cloud.url}`);
    expect(lines).toContainEqual(`  export AWS_ENDPOINT_URL_LAMBDA=${cloud.url}`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}output Dev-Producer\.TableName = "Dev-Producer-orders"$/));
  }, 180_000);

  it('explains what to pass when the folder is not a CDK app', async () => {
    const start = startCommand({ app: stateDir, stateDir, say: () => undefined });

    await expect(start).rejects.toThrow(/has no cdk\.json: pass --app <cdk app dir> or --assembly <cdk\.out>/);
  });
});

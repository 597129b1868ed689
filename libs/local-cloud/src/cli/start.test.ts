import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startCommand } from './start';

const appDir = fileURLToPath(new URL('../../test-stacks/cdk-app', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'local-cloud-start-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** The folder `start` said it synthesized the app into. */
const synthesizedInto = (lines: readonly string[]): string => lines.map((line) => / into (\S+)$/.exec(line)?.[1]).find(Boolean) ?? '';

describe('local-cloud start --app', () => {
  it('synthesizes the app with the CDK CLI, starts its stacks, prints endpoints and exports, and removes the synthesized assembly on stop', async () => {
    const lines: string[] = [];

    const { cloud, stop } = await startCommand({ app: appDir, stateDir, logLevel: 'error', say: (line) => lines.push(line) });

    await stop();
    expect(cloud.resolved.stacks.map((s) => s.stackName)).toEqual(['Dev-Producer', 'Dev-Consumer']);
    expect(lines).toContainEqual(expect.stringMatching(/^local-cloud: synthesizing .*cdk-app \(cdk synth\)/));
    expect(lines).toContainEqual(`  lambda         ${cloud.url}`);
    expect(lines).toContainEqual(`  secretsmanager ${cloud.url}`);
    expect(lines).toContainEqual(`  export AWS_ENDPOINT_URL_LAMBDA=${cloud.url}`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}output Dev-Producer\.TableName = "Dev-Producer-orders"$/));
    expect(synthesizedInto(lines)).toContain('local-cloud-cdk-out-');
    expect(existsSync(synthesizedInto(lines))).toBe(false);
  }, 180_000);

  it('explains what to pass when the folder is not a CDK app', async () => {
    const start = startCommand({ app: stateDir, stateDir, say: () => undefined });

    await expect(start).rejects.toThrow(/has no cdk\.json: pass --app <cdk app dir> or --assembly <cdk\.out>/);
  });
});

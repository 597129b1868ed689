import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** `cdk synth` failed. */
export class SynthError extends Error {
  override readonly name = 'SynthError';
  readonly code = 'CLI.SYNTH_FAILED';
}

/**
 * Runs the workspace's CDK CLI (`cdk synth --quiet`) in a CDK app folder (one with cdk.json), on the
 * current Node.js, writing the cloud assembly to `outdir`; CDK's own output streams to `onOutput`.
 *
 * @example
 * await synthesize('infra', '/tmp/cdk.out', (line) => process.stderr.write(line));
 */
export async function synthesize(appDir: string, outdir: string, onOutput: (text: string) => void): Promise<string> {
  const cdk = join(createRequire(import.meta.url).resolve('aws-cdk/package.json'), '..', 'bin', 'cdk');
  // No notices or telemetry: both would reach for the network, which a local run must not need.
  const child = spawn(process.execPath, [cdk, 'synth', '--quiet', '--no-notices', '--output', outdir], {
    cwd: appDir,
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let recent = '';
  const forward = (chunk: Buffer) => {
    recent = (recent + chunk.toString()).slice(-2_000);
    onOutput(chunk.toString());
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new SynthError(`cdk synth in ${appDir} exited with ${code}:\n${recent.trim()}`);
  return outdir;
}

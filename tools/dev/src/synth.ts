import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root and the shop's CDK app, wherever the command is run from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const INFRA_DIR = fileURLToPath(new URL('../../../infra/', import.meta.url));

/** `cdk synth` of the shop failed. */
export class SynthError extends Error {
  override readonly name = 'SynthError';
  readonly code = 'DEV.SYNTH_FAILED';
}

/**
 * Synthesizes the shop's CDK app (dev stage: it seeds the catalog) into `outdir` with the workspace's CDK CLI,
 * offline (no version check, notices, telemetry or EC2 metadata lookups), as tools/e2e does (ADR 0018).
 * Aborting `signal` kills cdk.
 *
 * @throws SynthError with the end of CDK's output when synth fails.
 * @example
 * await synthesizeShop('/tmp/shop-cdk.out', AbortSignal.timeout(600_000));
 */
export async function synthesizeShop(outdir: string, signal?: AbortSignal): Promise<string> {
  const cdk = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');
  const args = [cdk, 'synth', '--quiet', '--no-notices', '-o', outdir, '-c', 'stage=dev'];
  const child = spawn(process.execPath, args, {
    cwd: INFRA_DIR,
    env: {
      ...process.env,
      // The app runs through `npx tsx`: this Node first on PATH, so the app runs on the same Node 24 as we do.
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(signal && { signal }),
  });
  let recent = '';
  const keep = (chunk: Buffer) => (recent = (recent + chunk.toString()).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new SynthError(`cdk synth in ${INFRA_DIR} exited with ${code}:\n${recent.trim()}`);
  return outdir;
}

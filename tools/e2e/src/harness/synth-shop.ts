import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CDK app of the shop (infra/), synthesized exactly as `npm run synth -w infra` does. */
export const INFRA_DIR = fileURLToPath(new URL('../../../../infra/', import.meta.url));

/** `cdk synth` of the shop failed. */
export class ShopSynthError extends Error {
  override readonly name = 'ShopSynthError';
  readonly code = 'E2E.SYNTH_FAILED';
}

/**
 * Synthesizes the shop's CDK app (one stage, functions bundled by esbuild) into `outdir` with the workspace's
 * CDK CLI, offline: no version check, notices, telemetry or EC2 metadata lookups.
 *
 * @throws ShopSynthError with the end of CDK's output when synth fails.
 * @example
 * await synthesizeShop('/tmp/shop-cdk.out', 'dev');
 */
export async function synthesizeShop(outdir: string, stage = 'dev'): Promise<string> {
  const cdk = join(createRequire(import.meta.url).resolve('aws-cdk/package.json'), '..', 'bin', 'cdk');
  const args = [cdk, 'synth', '--quiet', '--no-notices', '-o', outdir, '-c', `stage=${stage}`];
  const child = spawn(process.execPath, args, {
    cwd: INFRA_DIR,
    env: {
      ...process.env,
      // The app runs through `npx tsx`: put this Node first on PATH, so it runs on the same (24) as we do.
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let recent = '';
  const keep = (chunk: Buffer) => (recent = (recent + chunk.toString()).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new ShopSynthError(`cdk synth in ${INFRA_DIR} exited with ${code}:\n${recent.trim()}`);
  return outdir;
}

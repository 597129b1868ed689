import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadAssembly, type CloudAssembly } from '@shop/local-cloud';

/** The repository root, from this file (tools/docs/src). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** `cdk synth` of infra/ failed. */
export class TemplatesSynthError extends Error {
  override readonly name = 'TemplatesSynthError';
  readonly code = 'DOCS.SYNTH_FAILED';
}

/**
 * Synthesizes the dev stage's templates into `outdir` without bundling any function
 * (`SHOP_SYNTH_TEMPLATES_ONLY=true`, see infra/src/main.ts) and loads the cloud assembly: the wiring as
 * CloudFormation will deploy it, which is what the diagrams are drawn from.
 *
 * @example
 * const assembly = await synthesizeTemplates(await mkdtemp(join(tmpdir(), 'shop-docs-')));
 */
export async function synthesizeTemplates(outdir: string): Promise<CloudAssembly> {
  const cdk = join(createRequire(import.meta.url).resolve('aws-cdk/package.json'), '..', 'bin', 'cdk');
  const child = spawn(process.execPath, [cdk, 'synth', '--quiet', '--no-notices', '--output', outdir], {
    cwd: join(REPO_ROOT, 'infra'),
    env: {
      ...process.env,
      SHOP_SYNTH_TEMPLATES_ONLY: 'true',
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let recent = '';
  const keep = (chunk: Buffer) => (recent = (recent + chunk.toString()).slice(-2_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new TemplatesSynthError(`cdk synth of infra/ exited with ${code}:\n${recent.trim()}`);
  return loadAssembly(outdir);
}

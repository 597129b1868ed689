import { build, type Metafile } from 'esbuild';
import { repoPath } from '../../src/check-kit';

// The options ServiceFunction gives esbuild (libs/cdk-constructs/src/service-function.ts), so what is measured
// here is what Lambda would load: one minified, tree-shaken ESM file with the AWS SDK clients bundled in.
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/** A handler bundled as ServiceFunction bundles it: the code Lambda loads, and where its bytes come from. */
export type HandlerBundle = {
  readonly code: string;
  readonly bytes: number;
  /** Bytes of the bundle each package contributes (`axios`, `@aws-sdk/client-dynamodb`, `(own code)`). */
  readonly packages: ReadonlyMap<string, number>;
};

/** The npm package an esbuild input path belongs to, or `(own code)` for the workspace's sources. */
export function packageOf(inputPath: string): string {
  const inner = inputPath.slice(inputPath.lastIndexOf('node_modules/'));
  return /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(inner)?.[1] ?? '(own code)';
}

function bytesByPackage(metafile: Metafile): Map<string, number> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return new Map([...totals].sort((a, b) => b[1] - a[1]));
}

/**
 * Bundles a handler (a path from the repository root) with ServiceFunction's esbuild options, in memory.
 *
 * @example
 * const { bytes, packages } = await bundleHandler('services/orders/src/handlers/workflow/price-checkout.ts');
 */
export async function bundleHandler(handlerPath: string): Promise<HandlerBundle> {
  const result = await build({
    entryPoints: [repoPath(handlerPath)],
    outfile: 'index.mjs',
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
  return { code, bytes: Buffer.byteLength(code), packages: bytesByPackage(result.metafile) };
}

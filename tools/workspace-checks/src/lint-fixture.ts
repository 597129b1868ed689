import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture workspace: a miniature of the repository's layout, linted with the real ESLint config. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url));

const require = createRequire(import.meta.url);
const nxBin = join(dirname(require.resolve('nx/package.json')), 'dist/bin/nx.js');
const lintScript = fileURLToPath(new URL('./lint-texts.mjs', import.meta.url));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

export type LintMessage = { ruleId: string | null; message: string };
export type LintCase = { filePath: string; code: string };

/**
 * Lints each `code` as if it were the file at `filePath` inside the fixture workspace, and returns the
 * messages of each, in order. ESLint runs once, in its own process, with the fixture as its working
 * directory, after nx has built the fixture's project graph (the module-boundary rule reads it from cache).
 *
 * @internal
 */
export function lintInFixture(cases: readonly LintCase[]): LintMessage[][] {
  execFileSync(process.execPath, [nxBin, 'show', 'projects'], { cwd: fixtureRoot, env, stdio: 'ignore' });
  const output = execFileSync(process.execPath, [lintScript], {
    cwd: fixtureRoot,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    env,
  });
  return JSON.parse(output) as LintMessage[][];
}

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture workspace: a miniature of the repository's layout, linted with the real ESLint config. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url));

const require = createRequire(import.meta.url);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const nxBin = join(dirname(require.resolve('nx/package.json')), 'dist/bin/nx.js');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/**
 * Computes the fixture's nx project graph, which the module-boundary rule reads from nx's cache.
 *
 * @internal
 */
export function buildFixtureGraph(): void {
  execFileSync(process.execPath, [nxBin, 'show', 'projects'], { cwd: fixtureRoot, env, stdio: 'ignore' });
}

export type LintMessage = { ruleId: string | null; message: string };

/**
 * Lints `code` as if it were the file at `filePath` inside the fixture workspace, and returns the messages.
 * ESLint runs in its own process with the fixture as its working directory, so nx builds the fixture's
 * project graph (the module-boundary rule needs one) and not the repository's.
 *
 * @internal
 */
export function lintInFixture(filePath: string, code: string): LintMessage[] {
  const output = execFileSync(
    process.execPath,
    [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath],
    { cwd: fixtureRoot, input: code, encoding: 'utf8', env },
  ).toString();
  return lintMessages(output);
}

function lintMessages(json: string): LintMessage[] {
  const [result] = JSON.parse(json) as Array<{ messages: LintMessage[] }>;
  return result?.messages.map(({ ruleId, message }) => ({ ruleId, message })) ?? [];
}

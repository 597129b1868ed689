import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleDir } from './modules';
import { checkResults, type CheckResult, type VitestJsonReport } from './report';

export class ChecksDidNotRunError extends Error {
  override readonly name = 'ChecksDidNotRunError';
  readonly code = 'WORKSHOP.CHECKS_DID_NOT_RUN';
}

/** What a check run gives back: every check's result, and vitest's own output should a maintainer need it. */
export type CheckRun = { readonly results: CheckResult[]; readonly output: string };

/**
 * Runs one module's checks in the repository at `root` with vitest (tools/workshop/vitest.checks.config.ts),
 * in a child process so a participant's broken code cannot take the CLI down, and reads its JSON report.
 */
export async function runChecks(root: string, moduleId: string): Promise<CheckRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'workshop-report-'));
  const reportFile = join(reportDir, 'report.json');
  const args = [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'vitest.checks.config.ts',
    '--reporter=json',
    `--outputFile=${reportFile}`,
  ];
  try {
    const output = await runNode(args, join(root, 'tools', 'workshop'), { WORKSHOP_MODULE: moduleId });
    const report = readReport(reportFile, moduleId, output);
    return { results: checkResults(report), output };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

function readReport(file: string, moduleId: string, output: string): VitestJsonReport {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  } catch (error) {
    throw new ChecksDidNotRunError(
      `vitest wrote no report for ${moduleId} (are there checks in ${moduleDir(moduleId)}/checks?):\n${output}`,
      { cause: error },
    );
  }
}

/** Runs the current Node (the workspace's Node 24) on `args` and collects stdout and stderr together. */
function runNode(args: readonly string[], cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Without the parent's VITEST_* variables: `verify` runs inside a vitest test, and its child is a run of its own.
    const parent = Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'));
    const child = spawn(process.execPath, args, { cwd, env: { ...Object.fromEntries(parent), ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(output));
  });
}

import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git';
import { linkNodeModules, linkWorkspaces } from './link';
import { moduleDir } from './modules';
import { applyPatch } from './patch';
import { allPassed, type CheckResult } from './report';
import { runChecks } from './run-checks';

/** One stage of a verification: the checks before the solution must fail, after it must pass. */
export type VerifyStage = {
  readonly stage: 'before' | 'after';
  readonly expected: 'fail' | 'pass';
  readonly results: readonly CheckResult[];
  readonly ok: boolean;
  readonly seconds: number;
};

export type Verification = {
  readonly moduleId: string;
  readonly ok: boolean;
  readonly stages: readonly VerifyStage[];
  /** Why verification stopped early (a patch that no longer applies), if it did. */
  readonly problem?: string;
  readonly seconds: number;
};

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

async function stage(copy: string, moduleId: string, name: VerifyStage['stage']): Promise<VerifyStage> {
  const started = performance.now();
  const { results } = await runChecks(copy, moduleId);
  const expected = name === 'before' ? 'fail' : 'pass';
  const ok = expected === 'pass' ? allPassed(results) : results.some((r) => !r.passed);
  return { stage: name, expected, results, ok, seconds: seconds(started) };
}

/**
 * Verifies one module against a clean copy of the committed tree (a detached worktree of HEAD), with this
 * checkout's tools/workshop laid over it so a module can be verified before it is committed: the checks
 * must fail on the starting point (start.patch, if any) and pass once solution.patch is applied.
 */
export async function verifyModule(root: string, moduleId: string): Promise<Verification> {
  const started = performance.now();
  const copy = mkdtempSync(join(tmpdir(), `workshop-${moduleId}-`));
  const added = git(root, ['worktree', 'add', '--detach', copy, 'HEAD']);
  if (!added.ok) return { moduleId, ok: false, stages: [], problem: added.stderr.trim(), seconds: seconds(started) };
  const stages: VerifyStage[] = [];
  try {
    cpSync(join(root, 'tools', 'workshop'), join(copy, 'tools', 'workshop'), {
      recursive: true,
      filter: (path) => !path.includes('node_modules'),
    });
    linkNodeModules(root, copy);
    if (existsSync(join(copy, moduleDir(moduleId), 'start.patch'))) {
      applyPatch(copy, join(moduleDir(moduleId), 'start.patch'), 'starting point');
    }
    stages.push(await stage(copy, moduleId, 'before'));
    applyPatch(copy, join(moduleDir(moduleId), 'solution.patch'), 'solution');
    linkWorkspaces(root, copy);
    stages.push(await stage(copy, moduleId, 'after'));
    return { moduleId, ok: stages.every((s) => s.ok), stages, seconds: seconds(started) };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { moduleId, ok: false, stages, problem, seconds: seconds(started) };
  } finally {
    git(root, ['worktree', 'remove', '--force', copy]);
    rmSync(copy, { recursive: true, force: true });
  }
}

/** A verification in plain words: each stage, its timing, and what went wrong if anything did. */
export function formatVerification(v: Verification): string {
  const lines = [`${v.ok ? '✓' : '✗'} ${v.moduleId} (${v.seconds} s)`];
  for (const s of v.stages) {
    const failed = s.results.filter((r) => !r.passed);
    const verdict = s.expected === 'fail' ? `${failed.length} of ${s.results.length} checks fail` : `${s.results.length - failed.length} of ${s.results.length} checks pass`;
    const label = s.stage === 'before' ? 'before the solution, the checks must fail' : 'with the solution, they must pass';
    lines.push(`    ${s.ok ? '✓' : '✗'} ${label}: ${verdict} (${s.seconds} s)`);
    if (!s.ok && s.expected === 'pass') lines.push(...failed.map((r) => `        ✗ ${r.group} › ${r.name} → ${r.hint}`));
  }
  if (v.problem) lines.push(`    ✗ ${v.problem}`);
  return lines.join('\n');
}

import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type GitResult = { readonly ok: boolean; readonly stdout: string; readonly stderr: string };

/** Runs git in `cwd` and returns what it said; never throws on a non-zero exit. */
export function git(cwd: string, args: readonly string[]): GitResult {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? result.error?.message ?? '' };
}

export class NotInRepositoryError extends Error {
  override readonly name = 'NotInRepositoryError';
  readonly code = 'WORKSHOP.NOT_IN_REPOSITORY';
}

/**
 * The root of the repository (or worktree) holding this file, so the CLI works from any folder.
 * The current directory wins when it is inside a repository: a worktree's copy of the CLI checks the worktree.
 */
export function repositoryRoot(from = process.cwd()): string {
  for (const cwd of [from, dirname(fileURLToPath(import.meta.url))]) {
    const found = git(cwd, ['rev-parse', '--show-toplevel']);
    if (found.ok) return found.stdout.trim();
  }
  throw new NotInRepositoryError('Run the workshop inside the shop repository (git rev-parse found no repository).');
}

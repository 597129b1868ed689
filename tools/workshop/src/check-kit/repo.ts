import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';

/** The root of the repository (or worktree) these checks belong to. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A path from the repository root, as the docs write it. */
export const repoPath = (relativePath: string) => join(repoRoot, relativePath);

/**
 * Imports a module the participant writes during the exercise, failing the check with `hint` while the
 * file does not exist yet. Imported at run time, so the checks compile before the exercise is done.
 *
 * @example
 * const { LoyaltyService } = await importExercise<{ LoyaltyService: LoyaltyServiceClass }>(
 *   'services/loyalty/infra/loyalty-service.ts', 'Create services/loyalty/infra/loyalty-service.ts (step 3)');
 */
export async function importExercise<T>(relativePath: string, hint: string): Promise<T> {
  const path = repoPath(relativePath);
  expect(existsSync(path), hint).toBe(true);
  return (await import(pathToFileURL(path).href)) as T;
}

/**
 * One export of an exercise module, failing the check with `hint` when the module does not export it.
 *
 * @example
 * const LoyaltyService = exported(module, 'LoyaltyService', 'Export the LoyaltyService class (step 3)');
 */
export function exported<T>(module: Record<string, unknown>, name: string, hint: string): T {
  expect(module[name], hint).toBeDefined();
  return module[name] as T;
}

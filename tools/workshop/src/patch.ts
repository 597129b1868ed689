import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git';

/** Where a patch stands against a tree: it can be applied, it already is, or neither (the code has moved). */
export type PatchState = 'applicable' | 'applied' | 'conflicting';

/** Reads a patch's state with `git apply --check`, forwards then in reverse, touching nothing. */
export function patchState(root: string, patchFile: string): PatchState {
  if (git(root, ['apply', '--check', patchFile]).ok) return 'applicable';
  if (git(root, ['apply', '--reverse', '--check', patchFile]).ok) return 'applied';
  return 'conflicting';
}

export class PatchError extends Error {
  override readonly name = 'PatchError';
  constructor(
    readonly code: 'WORKSHOP.PATCH_MISSING' | 'WORKSHOP.PATCH_ALREADY_APPLIED' | 'WORKSHOP.PATCH_CONFLICTS',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Applies a patch to the working tree, or explains in plain words why it will not: the patch is missing,
 * already applied, or conflicts with changes already made (whose files git names).
 */
export function applyPatch(root: string, patchFile: string, what: string): void {
  const path = join(root, patchFile);
  if (!existsSync(path)) throw new PatchError('WORKSHOP.PATCH_MISSING', `This module has no ${what} (${patchFile}).`);
  const state = patchState(root, path);
  if (state === 'applied') {
    throw new PatchError('WORKSHOP.PATCH_ALREADY_APPLIED', `The ${what} is already applied: nothing to do.`);
  }
  if (state === 'conflicting') {
    const why = git(root, ['apply', '--check', path]).stderr.trim();
    throw new PatchError(
      'WORKSHOP.PATCH_CONFLICTS',
      `The ${what} does not apply to your files: they already differ where it would change them.\n${why}\n` +
        'Reset the files it touches (see docs/workshop/README.md, "Starting again") and try again.',
    );
  }
  const applied = git(root, ['apply', path]);
  if (!applied.ok) throw new PatchError('WORKSHOP.PATCH_CONFLICTS', `git apply failed: ${applied.stderr.trim()}`);
}

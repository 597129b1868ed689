import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPatch, PatchError, patchState } from './patch';

// `git apply` also works outside a repository, on plain files: each test gets a folder of its own.
const PATCH = `diff --git a/greeting.txt b/greeting.txt
--- a/greeting.txt
+++ b/greeting.txt
@@ -1 +1 @@
-hello
+hello, shop
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workshop-patch-'));
  writeFileSync(join(dir, 'solution.patch'), PATCH);
});

const write = (text: string) => writeFileSync(join(dir, 'greeting.txt'), text);

describe('patchState', () => {
  it('finds a patch applicable to the files it was made from', () => {
    write('hello\n');

    expect(patchState(dir, join(dir, 'solution.patch'))).toBe('applicable');
  });

  it('finds a patch applied when the files already hold its result', () => {
    write('hello, shop\n');

    expect(patchState(dir, join(dir, 'solution.patch'))).toBe('applied');
  });

  it('finds a patch conflicting when the files changed some other way', () => {
    write('bonjour\n');

    expect(patchState(dir, join(dir, 'solution.patch'))).toBe('conflicting');
  });
});

describe('applyPatch', () => {
  it('changes the files as the patch says', () => {
    write('hello\n');

    applyPatch(dir, 'solution.patch', 'solution');

    expect(readFileSync(join(dir, 'greeting.txt'), 'utf8')).toBe('hello, shop\n');
  });

  it('refuses a patch already applied, saying so', () => {
    write('hello, shop\n');

    expect(() => applyPatch(dir, 'solution.patch', 'solution')).toThrow(
      expect.objectContaining({ code: 'WORKSHOP.PATCH_ALREADY_APPLIED', message: 'The solution is already applied: nothing to do.' }),
    );
  });

  it('refuses a conflicting patch, leaving the files as they were', () => {
    write('bonjour\n');

    expect(() => applyPatch(dir, 'solution.patch', 'solution')).toThrow(expect.objectContaining({ code: 'WORKSHOP.PATCH_CONFLICTS' }));
    expect(readFileSync(join(dir, 'greeting.txt'), 'utf8')).toBe('bonjour\n');
  });

  it('refuses a patch the module does not have', () => {
    expect(() => applyPatch(dir, 'start.patch', 'starting point')).toThrow(PatchError);
  });
});

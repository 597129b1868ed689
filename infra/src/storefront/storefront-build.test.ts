import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/test-app';
import { openNextAppDir, STOREFRONT_APP_DIR, StorefrontBuildMissingError } from './storefront-build';

/** An app directory as a fresh clone has it: the storefront's package.json, no build. */
function unbuiltApp(): string {
  const appDir = mkdtempSync(join(tmpdir(), 'storefront-app-'));
  copyFileSync(join(STOREFRONT_APP_DIR, 'package.json'), join(appDir, 'package.json'));
  return appDir;
}

describe('openNextAppDir', () => {
  it('refuses a stack being deployed when the storefront was not built, naming the build step', () => {
    const stack = new Stack(testApp({}, { bundle: true }), 'Storefront');

    const resolve = () => openNextAppDir(stack, unbuiltApp());

    expect(resolve).toThrow(StorefrontBuildMissingError);
    expect(resolve).toThrow(/npm run build:aws -w apps\/storefront/);
  });

  it("gives an unbundled stack a scratch directory with the app's package.json, away from the app", () => {
    const appDir = unbuiltApp();
    const stack = new Stack(testApp(), 'Storefront');

    const dir = openNextAppDir(stack, appDir);

    expect(dir).not.toBe(appDir);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);
    expect(existsSync(join(appDir, '.open-next'))).toBe(false);
  });
});

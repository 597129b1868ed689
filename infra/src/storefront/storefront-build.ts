import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** apps/storefront, where `npm run build:aws -w apps/storefront` leaves the OpenNext output (`.open-next/`). */
export const STOREFRONT_APP_DIR = fileURLToPath(new URL('../../../apps/storefront/', import.meta.url));

/** The command that builds what the storefront stack deploys. */
export const STOREFRONT_BUILD_COMMAND = 'npm run build:aws -w apps/storefront';

/** A storefront stack is being deployed (its assets bundled) but the storefront was not built first. */
export class StorefrontBuildMissingError extends Error {
  override readonly name = 'StorefrontBuildMissingError';
  readonly code = 'INFRA.STOREFRONT_BUILD_MISSING';
}

/**
 * The directory the Next.js construct reads `.open-next/` from. Synth never builds Next.js (the construct runs
 * with `skipBuild`): a stack being deployed takes the build a step before synth left in `appDir`, and fails
 * naming that step if there is none. A stack that is not bundled (`cdk destroy`, `cdk synth --exclusively` of
 * another stack, unit tests: CDK's `bundlingRequired` is false) gets a scratch directory holding the app's
 * package.json, where the construct writes its own empty `.open-next` folders, as it documents for that
 * case, instead of writing them into the app, where a later deploy would take them for a build.
 *
 * @example
 * new Nextjs(this, 'Nextjs', { nextjsPath: openNextAppDir(this, STOREFRONT_APP_DIR), skipBuild: true });
 */
export function openNextAppDir(scope: IConstruct, appDir: string): string {
  if (!Stack.of(scope).bundlingRequired) {
    const scratch = mkdtempSync(join(tmpdir(), 'storefront-unbundled-'));
    copyFileSync(join(appDir, 'package.json'), join(scratch, 'package.json'));
    return scratch;
  }
  if (!existsSync(join(appDir, '.open-next', 'server-functions', 'default'))) {
    throw new StorefrontBuildMissingError(
      `The storefront is not built: ${join(appDir, '.open-next')} has no server function. ` +
        `Run \`${STOREFRONT_BUILD_COMMAND}\` before synthesizing a stage that hosts the storefront.`,
    );
  }
  return appDir;
}

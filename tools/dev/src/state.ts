import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ShopUrls } from './summary';

/** What a running `shop-dev start` records for `shop-dev env` in another shell. */
export interface ShopState {
  readonly pid: number;
  readonly urls: ShopUrls;
  /** The storefront's variables and the AWS SDK's for the local cloud. */
  readonly env: Readonly<Record<string, string>>;
  readonly startedAt: string;
}

/** tools/dev/.state, or `SHOP_DEV_STATE_DIR` (the integration test keeps its run apart from a person's). */
export const stateDir = (): string => process.env.SHOP_DEV_STATE_DIR ?? fileURLToPath(new URL('../.state/', import.meta.url));

/** No running shop is recorded, or the one recorded has stopped. */
export class NoRunningShopError extends Error {
  override readonly name = 'NoRunningShopError';
  readonly code = 'DEV.NO_RUNNING_SHOP';
}

/**
 * Records the running shop in `<dir>/instance.json` (the folder ignores itself in git) and returns its path.
 *
 * @example
 * const file = writeState(stateDir(), { pid: process.pid, urls, env, startedAt: new Date().toISOString() });
 */
export function writeState(dir: string, state: ShopState): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '*\n');
  const file = join(dir, 'instance.json');
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return file;
}

/**
 * The recorded shop, if its process still runs.
 *
 * @throws NoRunningShopError with what to do instead.
 * @example
 * const { env } = readState(stateDir());
 */
export function readState(dir: string): ShopState {
  const file = join(dir, 'instance.json');
  if (!existsSync(file)) throw new NoRunningShopError('No shop is running: start one with `npm start`.');
  const state = JSON.parse(readFileSync(file, 'utf8')) as ShopState;
  if (!isRunning(state.pid)) throw new NoRunningShopError(`The shop recorded in ${file} (pid ${state.pid}) has stopped: start one with \`npm start\`.`);
  return state;
}

export function removeState(file: string): void {
  rmSync(file, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

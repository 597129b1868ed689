import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoRunningShopError, readState, removeState, writeState, type ShopState } from './state';

const dirs: string[] = [];
const aDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shop-dev-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const aState = (pid: number): ShopState => ({
  pid,
  urls: { console: 'c', api: 'a', checkoutApi: 'k', localCloud: 'l' },
  env: { SHOP_API_URL: 'a' },
  startedAt: '2026-11-28T10:00:00.000Z',
});

describe('the state file', () => {
  it('gives back what a running shop recorded, in a folder git ignores', () => {
    const dir = aDir();

    writeState(dir, aState(process.pid));

    expect(readState(dir)).toEqual(aState(process.pid));
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('says no shop runs when none was recorded or it was removed', () => {
    const dir = aDir();
    const file = writeState(dir, aState(process.pid));

    removeState(file);

    expect(() => readState(dir)).toThrow(new NoRunningShopError('No shop is running: start one with `npm start`.'));
  });

  it('says the shop has stopped when its process is gone', () => {
    const dir = aDir();
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    writeState(dir, aState(pid!));

    expect(() => readState(dir)).toThrow(/\(pid \d+\) has stopped/);
  });
});

import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, symlinkSync, writeFileSync, existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkNodeModules, linkWorkspaces, workspacesOf } from './link';

let source: string;
let copy: string;

const file = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const aPackage = (dir: string, name: string) => file(join(dir, 'package.json'), JSON.stringify({ name }));

/** A repository laid out as npm workspaces leave it: packages installed, workspaces linked into node_modules. */
function aRepository(root: string, workspaces: string[]) {
  file(join(root, 'package.json'), JSON.stringify({ workspaces: ['libs/*', 'infra'] }));
  for (const folder of workspaces) aPackage(join(root, folder), folder === 'infra' ? '@shop/infra' : `@shop/${folder.split('/')[1]}`);
}

beforeEach(() => {
  source = mkdtempSync(join(tmpdir(), 'workshop-source-'));
  copy = mkdtempSync(join(tmpdir(), 'workshop-copy-'));
  aRepository(source, ['libs/events', 'infra']);
  aRepository(copy, ['libs/events', 'libs/loyalty', 'infra']);
  aPackage(join(source, 'node_modules', 'zod'), 'zod');
  aPackage(join(source, 'node_modules', '@aws-sdk', 'client-sqs'), '@aws-sdk/client-sqs');
  mkdirSync(join(source, 'node_modules', '@shop'), { recursive: true });
  symlinkSync('../../libs/events', join(source, 'node_modules', '@shop', 'events'));
  symlinkSync('../../infra', join(source, 'node_modules', '@shop', 'infra'));
  mkdirSync(join(source, 'node_modules', '.bin'), { recursive: true });
  symlinkSync('../zod/cli.js', join(source, 'node_modules', '.bin', 'zod'));
  mkdirSync(join(source, 'node_modules', '.vite'), { recursive: true });
  aPackage(join(source, 'infra', 'node_modules', 'cdk-only'), 'cdk-only');
});

describe('workspacesOf', () => {
  it("reads the workspaces from the root package.json's globs", () => {
    expect(workspacesOf(copy)).toEqual([
      { name: '@shop/events', folder: 'libs/events' },
      { name: '@shop/loyalty', folder: 'libs/loyalty' },
      { name: '@shop/infra', folder: 'infra' },
    ]);
  });
});

describe('linkNodeModules', () => {
  it("links every installed package to the source's", () => {
    linkNodeModules(source, copy);

    expect(realpathSync(join(copy, 'node_modules', 'zod'))).toBe(realpathSync(join(source, 'node_modules', 'zod')));
    expect(realpathSync(join(copy, 'node_modules', '@aws-sdk', 'client-sqs'))).toBe(
      realpathSync(join(source, 'node_modules', '@aws-sdk', 'client-sqs')),
    );
  });

  it("links each workspace package to the copy's own folder, a workspace only the copy has included", () => {
    linkNodeModules(source, copy);

    expect(realpathSync(join(copy, 'node_modules', '@shop', 'events'))).toBe(realpathSync(join(copy, 'libs', 'events')));
    expect(realpathSync(join(copy, 'node_modules', '@shop', 'infra'))).toBe(realpathSync(join(copy, 'infra')));
    expect(realpathSync(join(copy, 'node_modules', '@shop', 'loyalty'))).toBe(realpathSync(join(copy, 'libs', 'loyalty')));
  });

  it("links a workspace's nested node_modules, and rebuilds .bin from the same relative links", () => {
    linkNodeModules(source, copy);

    expect(existsSync(join(copy, 'infra', 'node_modules', 'cdk-only', 'package.json'))).toBe(true);
    expect(readlinkSync(join(copy, 'node_modules', '.bin', 'zod'))).toBe('../zod/cli.js');
  });

  it("leaves out the source's caches", () => {
    linkNodeModules(source, copy);

    expect(existsSync(join(copy, 'node_modules', '.vite'))).toBe(false);
  });
});

describe('linkWorkspaces', () => {
  it('links a workspace a patch added after the first linking, and leaves the others as they are', () => {
    linkNodeModules(source, copy);
    aPackage(join(copy, 'libs', 'points'), '@shop/points');

    linkWorkspaces(source, copy);

    expect(realpathSync(join(copy, 'node_modules', '@shop', 'points'))).toBe(realpathSync(join(copy, 'libs', 'points')));
    expect(lstatSync(join(copy, 'node_modules', '@shop', 'events')).isSymbolicLink()).toBe(true);
  });
});

import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A workspace package: its name and its folder, relative to the repository root. */
export type Workspace = { readonly name: string; readonly folder: string };

/** The workspaces of the repository at `root`, read from its package.json globs (`services/*`, `infra`). */
export function workspacesOf(root: string): Workspace[] {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const folders = workspaces.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return folders
    .filter((folder) => existsSync(join(root, folder, 'package.json')))
    .map((folder) => {
      const { name } = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { name: string };
      return { name, folder };
    });
}

const link = (target: string, path: string) => {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
};

/**
 * Makes the node_modules of `copy` (a worktree of the repository at `source`) usable without an install:
 * every installed package is a link to the source's, but each workspace package links to the copy's own
 * folder (as npm workspaces do), the copy's workspaces included, even one the source does not have yet.
 * Workspaces' nested node_modules are linked too. `.bin` is rebuilt from the same relative links, so a
 * workspace's bin runs the copy's code. Dot folders (caches) are left out.
 */
export function linkNodeModules(source: string, copy: string): void {
  const workspaceNames = new Set([...workspacesOf(source), ...workspacesOf(copy)].map((w) => w.name));
  const from = join(source, 'node_modules');
  const to = join(copy, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === '.bin') relinkBin(join(from, entry), join(to, entry));
    else if (entry.startsWith('@')) linkScope(from, to, entry, workspaceNames);
    else if (!entry.startsWith('.') && !workspaceNames.has(entry)) link(join(from, entry), join(to, entry));
  }
  linkWorkspaces(source, copy);
}

/** Whether something, even a dangling link, is at `path`. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Links each workspace of `copy` that is not linked yet into its node_modules (as `npm install` would):
 * call it again after a patch adds a workspace.
 */
export function linkWorkspaces(source: string, copy: string): void {
  const to = join(copy, 'node_modules');
  for (const { name, folder } of workspacesOf(copy)) {
    if (!present(join(to, name))) link(relative(dirname(join(to, name)), join(copy, folder)), join(to, name));
    const nested = join(source, folder, 'node_modules');
    if (existsSync(nested) && !present(join(copy, folder, 'node_modules'))) link(nested, join(copy, folder, 'node_modules'));
  }
}

function linkScope(from: string, to: string, scope: string, workspaceNames: ReadonlySet<string>): void {
  const members = readdirSync(join(from, scope));
  if (!members.some((member) => workspaceNames.has(`${scope}/${member}`))) {
    link(join(from, scope), join(to, scope));
    return;
  }
  mkdirSync(join(to, scope), { recursive: true });
  for (const member of members.filter((m) => !workspaceNames.has(`${scope}/${m}`))) {
    link(join(from, scope, member), join(to, scope, member));
  }
}

function relinkBin(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const path = join(from, entry);
    // npm's .bin entries are relative links (../vitest/vitest.mjs): the same text resolves inside the copy.
    link(lstatSync(path).isSymbolicLink() ? readlinkSync(path) : path, join(to, entry));
  }
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a running `local-cloud start` records for `local-cloud env` and other shells. */
export interface InstanceState {
  readonly pid: number;
  readonly url: string;
  readonly services: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly assembly: string;
  readonly startedAt: string;
}

const FOLDER = '.local-cloud';
const FILE = 'instance.json';

/** A state file that names no running local cloud. */
export class NoInstanceError extends Error {
  override readonly name = 'NoInstanceError';
  readonly code = 'CLI.NO_INSTANCE';
}

/**
 * Writes `.local-cloud/instance.json` under `dir`, with a `.gitignore` of `*` beside it so the folder
 * never reaches git whichever repository it is started in.
 *
 * @example
 * const file = writeState(process.cwd(), state); // '/repo/.local-cloud/instance.json'
 */
export function writeState(dir: string, state: InstanceState): string {
  const folder = join(dir, FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '.gitignore'), '*\n');
  const file = join(folder, FILE);
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return file;
}

export function removeState(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Finds the state file in `dir` or the nearest parent that has one, and checks its process still runs.
 *
 * @example
 * const { state } = readState(process.cwd());
 */
export function readState(dir: string): { file: string; state: InstanceState } {
  const file = findUp(dir);
  if (!file) throw new NoInstanceError(`No local cloud is running: no ${FOLDER}/${FILE} in ${dir} or above. Start one with \`npx local-cloud start --app <cdk app dir>\`.`);
  const state = JSON.parse(readFileSync(file, 'utf8')) as InstanceState;
  if (!isRunning(state.pid)) throw new NoInstanceError(`The local cloud recorded in ${file} (pid ${state.pid}) is no longer running. Start one with \`npx local-cloud start\`.`);
  return { file, state };
}

function findUp(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const file = join(current, FOLDER, FILE);
    if (existsSync(file)) return file;
    if (dirname(current) === current) return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

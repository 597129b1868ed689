import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './git';
import { findModule, isWritten, moduleDir, workshopModules } from './modules';
import { applyPatch } from './patch';
import { allPassed, formatResults } from './report';
import { runChecks } from './run-checks';
import { formatVerification, verifyModule } from './verify';
import { linkNodeModules } from './link';

const USAGE = `Usage: npm run workshop -- <command>

  list                 the modules, how long each takes, and whether it is written yet
  start <module>       set up the module's starting point, if it has one
  check <module>       tell whether the module's exercise works (runs the checks that prove it)
  solve <module>       apply the module's solution
  verify [module]      for maintainers and CI: in a clean copy, the checks fail before the solution and pass after
  link <worktree>      for module authors: make a git worktree's node_modules usable without an install

<module> is an id such as 02-event-state, or just its number: 2.`;

function writtenModule(root: string, idOrNumber: string | undefined) {
  if (idOrNumber === undefined) throw new UsageError('Which module? For example: npm run workshop -- check 01-mindset');
  const module = findModule(idOrNumber);
  if (!isWritten(root, module.id)) throw new UsageError(`Module ${module.id} is not written yet.`);
  return module;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'WORKSHOP.USAGE';
}

function list(root: string): number {
  for (const m of workshopModules) {
    const status = isWritten(root, m.id) ? m.doc : 'not yet written';
    console.log(`${m.id.padEnd(18)} ${String(m.minutes).padStart(3)} min  ${m.title.padEnd(36)} ${status}`);
  }
  return 0;
}

async function check(root: string, idOrNumber: string | undefined): Promise<number> {
  const { id, doc } = writtenModule(root, idOrNumber);
  console.log(`Checking ${id} (${doc})…\n`);
  const { results } = await runChecks(root, id);
  console.log(formatResults(id, results));
  return allPassed(results) ? 0 : 1;
}

function apply(root: string, idOrNumber: string | undefined, patch: 'start' | 'solution'): number {
  const { id, doc } = writtenModule(root, idOrNumber);
  if (patch === 'start' && !existsSync(join(root, moduleDir(id), 'start.patch'))) {
    console.log(`${id} needs no setting up: start with ${doc}.`);
    return 0;
  }
  applyPatch(root, join(moduleDir(id), `${patch}.patch`), patch === 'start' ? 'starting point' : 'solution');
  console.log(
    patch === 'start'
      ? `The starting point of ${id} is in place: follow ${doc}.`
      : `The solution of ${id} is applied (see git diff). Run: npm run workshop -- check ${id}`,
  );
  return 0;
}

async function verify(root: string, idOrNumber: string | undefined): Promise<number> {
  const ids = idOrNumber ? [writtenModule(root, idOrNumber).id] : workshopModules.map((m) => m.id).filter((id) => isWritten(root, id));
  let failed = 0;
  for (const id of ids) {
    const verification = await verifyModule(root, id);
    console.log(formatVerification(verification));
    if (!verification.ok) failed += 1;
  }
  console.log(`\n${ids.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, argument] = argv;
  const root = repositoryRoot();
  switch (command) {
    case 'list':
      return list(root);
    case 'check':
      return check(root, argument);
    case 'start':
      return apply(root, argument, 'start');
    case 'solve':
      return apply(root, argument, 'solution');
    case 'verify':
      return verify(root, argument);
    case 'link':
      if (argument === undefined) throw new UsageError('Which worktree? For example: link /tmp/ws-02');
      linkNodeModules(root, argument);
      return 0;
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' ? 0 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error && 'code' in error ? error.message : error);
    process.exitCode = 1;
  },
);

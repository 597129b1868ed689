import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One workshop module: its text lives in `doc`, its checks and patches in `tools/workshop/modules/<id>/`. */
export type WorkshopModule = {
  readonly id: string;
  readonly title: string;
  /** The module's text, from the repository root. */
  readonly doc: string;
  /** How long it takes, exercises included. */
  readonly minutes: number;
};

const define = (id: string, title: string, minutes: number): WorkshopModule =>
  Object.freeze({ id, title, doc: `docs/workshop/${id}.md`, minutes });

/** The six modules, one per group of the best-practice map, in the order they are meant to be done. */
export const workshopModules: readonly WorkshopModule[] = Object.freeze([
  define('01-mindset', 'The serverless mindset', 40),
  define('02-event-state', 'Events and event-carried state', 60),
  define('03-service-full', 'Service-full serverless', 45),
  define('04-functions', 'Functions', 45),
  define('05-configuration', 'Configuration as code', 45),
  define('06-production', 'Prototype to production', 60),
]);

/** Where a module's checks and patches live, from the repository root. */
export const moduleDir = (id: string) => join('tools', 'workshop', 'modules', id);

/** A module is written once its folder exists; until then `list` says so and the other commands refuse. */
export function isWritten(root: string, id: string): boolean {
  return existsSync(join(root, moduleDir(id)));
}

export class UnknownModuleError extends Error {
  override readonly name = 'UnknownModuleError';
  readonly code = 'WORKSHOP.UNKNOWN_MODULE';
  constructor(id: string) {
    super(`There is no module "${id}". The modules are: ${workshopModules.map((m) => m.id).join(', ')}.`);
  }
}

/** The module with this id, or by its number alone (`2` or `02` for `02-event-state`). */
export function findModule(idOrNumber: string): WorkshopModule {
  const number = /^\d+$/.test(idOrNumber) ? idOrNumber.padStart(2, '0') : undefined;
  const found = workshopModules.find((m) => m.id === idOrNumber || (number && m.id.startsWith(`${number}-`)));
  if (found === undefined) throw new UnknownModuleError(idOrNumber);
  return found;
}

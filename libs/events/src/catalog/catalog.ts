import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { AnyEventDefinition } from '../define-event';
import { buildAsyncApi } from './asyncapi';
import { renderEventPage } from './event-page';
import { renderIndex } from './index-page';
import { detailJsonSchema } from './json-schema';
import { pageFileName, schemaFileName } from './markdown';

/** Where the catalog lives in the repository: docs/events/. */
export const CATALOG_DIR = fileURLToPath(new URL('../../../../docs/events/', import.meta.url));

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Formats a generated file as `npm run format` would (the repository's Prettier config), so the committed
 * catalog passes `format:check` and its tables line up.
 */
async function prettify(path: string, content: string): Promise<string> {
  const config = await resolveConfig(join(CATALOG_DIR, path));
  return format(content, { ...config, filepath: path });
}

/**
 * Every file of the catalog, unformatted, by path relative to the catalog folder, in a stable order. The same
 * definitions, in any order, always give the same files (no timestamps), so the committed catalog can be checked.
 *
 * @example
 * const files = renderCatalog(eventDefinitions); // Map { 'Inventory.StockReleased.v1.md' => '…', … }
 */
export function renderCatalog(definitions: readonly AnyEventDefinition[]): Map<string, string> {
  const sorted = [...definitions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const files = new Map<string, string>();
  files.set('README.md', renderIndex(sorted));
  files.set('asyncapi.json', json(buildAsyncApi(sorted)));
  for (const definition of sorted) {
    const schema = detailJsonSchema(definition);
    files.set(pageFileName(definition.key), renderEventPage(definition, schema));
    files.set(schemaFileName(definition.key), json(schema));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The catalog as it is committed: `renderCatalog`, formatted with the repository's Prettier config.
 *
 * @example
 * const files = await generateCatalog(eventDefinitions);
 */
export async function generateCatalog(definitions: readonly AnyEventDefinition[]): Promise<Map<string, string>> {
  const files = [...renderCatalog(definitions)];
  const formatted = await Promise.all(files.map(([path, content]) => prettify(path, content)));
  return new Map(files.map(([path], i) => [path, formatted[i] ?? '']));
}

/**
 * Every file under `dir`, relative to it with `/` separators (none if `dir` does not exist).
 *
 * @example
 * await listFiles(CATALOG_DIR); // ['Order.OrderConfirmed.v1.md', 'README.md', 'schemas/…', …]
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The catalog as it is on disk, in the shape `generateCatalog` returns.
 *
 * @example
 * const onDisk = await readCatalog(CATALOG_DIR);
 */
export async function readCatalog(dir: string): Promise<Map<string, string>> {
  const paths = await listFiles(dir);
  const contents = await Promise.all(paths.map((path) => readFile(join(dir, path), 'utf8')));
  return new Map(paths.map((path, i) => [path, contents[i] ?? '']));
}

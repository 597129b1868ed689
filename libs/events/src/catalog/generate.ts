// `npm run catalog -w libs/events`: writes docs/events/ from the event definitions.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eventDefinitions } from '../registry';
import { CATALOG_DIR, generateCatalog, listFiles } from './catalog';

async function writeCatalog(dir: string): Promise<void> {
  const files = await generateCatalog(eventDefinitions);
  // The folder is generated as a whole: a file no definition produces any more (a removed event) goes.
  for (const stale of (await listFiles(dir)).filter((path) => !files.has(path))) {
    await rm(join(dir, stale));
  }
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  console.log(`Wrote ${files.size} files to ${dir}`);
}

await writeCatalog(CATALOG_DIR);

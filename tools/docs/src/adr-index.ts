import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One architecture decision record: `docs/adr/NNNN-title.md` and the title of its first heading. */
export interface AdrEntry {
  readonly file: string;
  readonly number: number;
  readonly title: string;
}

/**
 * The ADRs in `adrDir`, in number order, titled by their first `# ` heading.
 *
 * @example
 * await readAdrs('docs/adr'); // [{ file: '0001-record-architecture-decisions.md', number: 1, title: '1. Record...' }]
 */
export async function readAdrs(adrDir: string): Promise<AdrEntry[]> {
  const files = (await readdir(adrDir)).filter((file) => /^\d{4}-.+\.md$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(adrDir, file), 'utf8');
      const heading = /^# (.+)$/m.exec(text)?.[1]?.trim() ?? file;
      return { file, number: Number(file.slice(0, 4)), title: heading };
    }),
  );
}

/** A markdown list of the ADRs, linked relative to docs/. */
export function adrIndex(adrs: readonly AdrEntry[]): string {
  return adrs.map((adr) => `- [ADR ${adr.number}](adr/${adr.file}): ${adr.title.replace(/^\d+\.\s*/, '')}`).join('\n');
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadLinks } from './doc-links';
import { REPO_ROOT } from './synth-templates';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const DOCS = [
  join(REPO_ROOT, 'README.md'),
  join(REPO_ROOT, 'CONTRIBUTING.md'),
  ...markdownFiles(join(REPO_ROOT, 'docs')),
];

describe('the documentation', () => {
  it.each(DOCS.map((doc) => [doc.slice(REPO_ROOT.length + 1), doc]))('%s links only to what exists', (_, doc) => {
    const dead = deadLinks(doc, REPO_ROOT).map(
      (link) => `line ${link.line}: [${link.text}](${link.target}): ${link.reason}`,
    );

    expect(dead).toEqual([]);
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** One `[text](target)` link of a markdown document. */
export interface DocLink {
  readonly text: string;
  readonly target: string;
  readonly line: number;
}

/** A link that leads nowhere, and why, for a message a person can act on. */
export interface DeadLink extends DocLink {
  readonly doc: string;
  readonly reason: string;
}

const LINK = /!?\[([^\]]+)\]\(([^)\s]+)\)/g;
/** `[test: name](file)`: the file must still hold a test of that name. */
const TEST_LINK = /^test: (.+)$/;

/**
 * The links of a markdown text, outside fenced code blocks, with their line numbers.
 *
 * @example
 * markdownLinks('See [ADR 7](adr/0007-x.md).'); // [{ text: 'ADR 7', target: 'adr/0007-x.md', line: 1 }]
 */
export function markdownLinks(markdown: string): DocLink[] {
  const links: DocLink[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(LINK)) {
      links.push({ text: match[1] ?? '', target: match[2] ?? '', line: index + 1 });
    }
  });
  return links;
}

/**
 * GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
 *
 * @example
 * headingAnchor('Where to look when an order is stuck'); // 'where-to-look-when-an-order-is-stuck'
 */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = readFileSync(file, 'utf8').match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((heading) => headingAnchor(heading.replace(/^#+ /, ''))));
}

/**
 * The links of `doc` (a markdown file) that lead nowhere: a missing file or folder, a missing heading of a
 * markdown file, or, for `[test: name](file)`, a file that no longer holds that test. External links
 * (`http(s):`, `mailto:`) are not fetched.
 *
 * @example
 * deadLinks('/repo/docs/best-practices.md', '/repo'); // [] when every link is alive
 */
export function deadLinks(doc: string, repoRoot: string): DeadLink[] {
  const links = markdownLinks(readFileSync(doc, 'utf8'));
  return links.flatMap((link) => {
    const reason = whyDead(link, doc);
    return reason ? [{ ...link, doc: relative(repoRoot, doc), reason }] : [];
  });
}

function whyDead(link: DocLink, doc: string): string | undefined {
  if (/^(https?|mailto):/.test(link.target)) return undefined;
  const [path = '', anchor] = link.target.split('#');
  const file = path === '' ? doc : join(dirname(doc), decodeURIComponent(path));
  if (!existsSync(file)) return `${path} does not exist`;
  if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor))
    return `${path || 'this file'} has no heading #${anchor}`;
  const testName = TEST_LINK.exec(link.text)?.[1];
  if (testName && (statSync(file).isDirectory() || !readFileSync(file, 'utf8').includes(testName))) {
    return `${path} holds no test named "${testName}"`;
  }
  return undefined;
}

/** Whether a link points at a test (`[test: name](file)`). */
export function isTestLink(link: DocLink): boolean {
  return TEST_LINK.test(link.text);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestLink, markdownLinks, type DocLink } from './doc-links';

// Not REPO_ROOT from ./synth-templates: that module loads the local cloud, which this test does not need.
const MAP = join(import.meta.dirname, '..', '..', '..', 'docs', 'best-practices.md');

/** The groups of the talk, in its order: the workshop's modules follow them too. */
const GROUPS = [
  'Serverless mindset',
  'Event state',
  'Service-full serverless',
  'Functions',
  'Configuration as code',
  'Prototype to production',
];

interface Practice {
  readonly title: string;
  readonly links: DocLink[];
}

/** Each `## ` section of the map with its practices: list items opening `- **…**`, continued by indented lines. */
function sectionsOf(markdown: string): Map<string, Practice[]> {
  const sections = new Map<string, Practice[]>();
  let practices: Practice[] | undefined;
  let item: string[] = [];
  const close = () => {
    if (practices && item.length > 0) practices.push(practiceOf(item.join('\n')));
    item = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      close();
      practices = [];
      sections.set(line.slice(3).trim(), practices);
    } else if (line.startsWith('- **')) {
      close();
      item = [line];
    } else if (item.length > 0 && /^\s+\S/.test(line)) {
      item.push(line);
    } else {
      close();
    }
  }
  close();
  return sections;
}

function practiceOf(text: string): Practice {
  return { title: /^- \*\*(.+?)\.?\*\*/.exec(text)?.[1] ?? text, links: markdownLinks(text) };
}

// Code lives outside docs/; a link within docs/ (an ADR, the catalog) explains, it does not prove.
const isCodeLink = (link: DocLink) => !isTestLink(link) && link.target.startsWith('../');

describe('the best-practice map', () => {
  const sections = sectionsOf(readFileSync(MAP, 'utf8'));

  it('groups the practices as the talk does, in its order', () => {
    expect([...sections.keys()]).toEqual(GROUPS);
  });

  it('has practices in every group', () => {
    const empty = GROUPS.filter((group) => (sections.get(group) ?? []).length === 0);

    expect(empty).toEqual([]);
  });

  it('links every practice to the code that does it and to a test that proves it', () => {
    const practices = [...sections.values()].flat();

    const unproven = practices.flatMap(({ title, links }) => [
      ...(links.some(isCodeLink) ? [] : [`${title}: no code link`]),
      ...(links.some(isTestLink) ? [] : [`${title}: no test link`]),
    ]);

    expect(practices.length).toBeGreaterThan(0);
    expect(unproven).toEqual([]);
  });
});

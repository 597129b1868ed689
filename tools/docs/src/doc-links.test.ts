import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadLinks, headingAnchor, markdownLinks } from './doc-links';

function aRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doc-links-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('markdownLinks', () => {
  it('finds links with their lines, and none inside code', () => {
    const markdown = 'A [first](a.md).\n```\n[not](b.md)\n```\nInline `[not](c.md)` and [second](d/e.ts#L3).';

    const links = markdownLinks(markdown);

    expect(links).toEqual([
      { text: 'first', target: 'a.md', line: 1 },
      { text: 'second', target: 'd/e.ts#L3', line: 5 },
    ]);
  });
});

describe('headingAnchor', () => {
  it('makes the anchor GitHub makes', () => {
    expect(headingAnchor('1. Serverless mindset: think in services')).toBe('1-serverless-mindset-think-in-services');
  });
});

describe('deadLinks', () => {
  it('accepts links to existing files, folders, headings and tests', () => {
    const root = aRepo({
      'docs/map.md':
        '[code](../src/a.ts) [dir](../src) [head](other.md#the-part) [test: adds two numbers](../src/a.test.ts)',
      'docs/other.md': '# Other\n\n## The part\n',
      'src/a.ts': 'export const a = 1;',
      'src/a.test.ts': "it('adds two numbers', () => {});",
    });

    expect(deadLinks(join(root, 'docs/map.md'), root)).toEqual([]);
  });

  it('reports a missing file, a missing heading and a test that is gone, with the line', () => {
    const root = aRepo({
      'docs/map.md':
        '[gone](../src/gone.ts)\n[head](other.md#nothing)\n[test: subtracts](../src/a.test.ts)\n[web](https://aws.amazon.com)',
      'docs/other.md': '# Other\n',
      'src/a.test.ts': "it('adds two numbers', () => {});",
    });

    const dead = deadLinks(join(root, 'docs/map.md'), root);

    expect(dead.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 1, reason: '../src/gone.ts does not exist' },
      { line: 2, reason: 'other.md has no heading #nothing' },
      { line: 3, reason: '../src/a.test.ts holds no test named "subtracts"' },
    ]);
  });
});

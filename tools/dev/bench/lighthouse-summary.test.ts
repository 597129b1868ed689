import { describe, expect, it } from 'vitest';
import { figuresTable, pageFigures } from './lighthouse-summary';

const LHR = {
  categories: { performance: { score: 0.934 }, accessibility: { score: 1 }, 'best-practices': { score: 0.96 } },
  audits: {
    'largest-contentful-paint': { numericValue: 1834.6 },
    'network-requests': {
      details: {
        items: [
          { resourceType: 'Document', transferSize: 20_000 },
          { resourceType: 'Script', transferSize: 102_400 },
          { resourceType: 'Script', transferSize: 51_200 },
          { resourceType: 'Image', transferSize: 4_000 },
        ],
      },
    },
  },
};

describe('pageFigures', () => {
  it('gives the scores out of 100, the LCP and the kilobytes of script transferred', () => {
    expect(pageFigures(LHR)).toEqual({ performance: 93, accessibility: 100, bestPractices: 96, lcpMs: 1835, firstLoadJsKb: 150 });
  });

  it('counts a category Lighthouse could not score as 0', () => {
    const lhr = { ...LHR, categories: { ...LHR.categories, performance: { score: null } } };

    expect(pageFigures(lhr).performance).toBe(0);
  });
});

describe('figuresTable', () => {
  it('lines the figures up under their headings', () => {
    const table = figuresTable([['home', pageFigures(LHR)]]);

    expect(table).toBe(
      [
        'page  performance  accessibility  best-practices  LCP (ms)  first-load JS (KB)',
        'home           93            100              96      1835                 150',
        '',
      ].join('\n'),
    );
  });
});

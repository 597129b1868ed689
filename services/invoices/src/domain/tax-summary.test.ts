import { describe, expect, it } from 'vitest';
import { summarizeTax } from './tax-summary';
import { gbp } from './test-data';

const line = (rate: number, net: number, tax: number) => ({
  taxRateBasisPoints: rate,
  subtotal: gbp(net),
  tax: gbp(tax),
});

describe('summarizeTax', () => {
  it('gives one entry per rate, highest first, with the net and tax of its lines', () => {
    const lines = [line(0, 850, 0), line(2000, 2500, 500), line(2000, 1000, 200)];

    const summary = summarizeTax(lines, { shipping: gbp(0), tax: gbp(700) }, 'GB');

    expect(summary).toEqual([
      { name: 'Standard rate 20%', rateBasisPoints: 2000, net: gbp(3500), tax: gbp(700) },
      { name: 'Zero rate 0%', rateBasisPoints: 0, net: gbp(850), tax: gbp(0) },
    ]);
  });

  it('adds shipping to the line rate that gives exactly its tax', () => {
    const lines = [line(2000, 2500, 500), line(500, 1000, 50)];

    const summary = summarizeTax(lines, { shipping: gbp(400), tax: gbp(570) }, 'GB');

    expect(summary[1]).toEqual({ name: 'Reduced rate 5%', rateBasisPoints: 500, net: gbp(1400), tax: gbp(70) });
  });

  it('prints shipping tax at no line’s rate on its own, so the tax still adds up', () => {
    const summary = summarizeTax([line(2000, 1000, 200)], { shipping: gbp(400), tax: gbp(250) }, 'GB');

    expect(summary).toEqual([
      { name: 'Standard rate 20%', rateBasisPoints: 2000, net: gbp(1000), tax: gbp(200) },
      { name: 'VAT on shipping', net: gbp(400), tax: gbp(50) },
    ]);
  });

  it('names a rate the country does not list "VAT x%"', () => {
    const summary = summarizeTax([line(1700, 1000, 170)], { shipping: gbp(0), tax: gbp(170) }, 'DE');

    expect(summary.map((entry) => entry.name)).toEqual(['VAT 17%']);
  });
});

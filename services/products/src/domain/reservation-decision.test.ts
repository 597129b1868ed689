import { describe, expect, it } from 'vitest';
import type { Stock } from './inventory';
import { decideReservation } from './reservation-decision';
import { aStock } from './test-data';

const mug = aStock({ sku: 'MUG', productId: 'prod_mug', onHand: 5 });
const tea = aStock({ sku: 'TEA', productId: 'prod_tea', onHand: 1 });
const stocks = (...list: Stock[]) => new Map(list.map((stock) => [stock.sku, stock]));

describe('decideReservation', () => {
  it('reserves every line when every sku has enough', () => {
    const lines = [
      { sku: 'MUG', productId: 'prod_mug', quantity: 5 },
      { sku: 'TEA', productId: 'prod_tea', quantity: 1 },
    ];

    const decision = decideReservation(lines, stocks(mug, tea));

    expect(decision).toEqual({ kind: 'RESERVE', lines });
  });

  it('refuses the whole order when one line is short, listing only that line', () => {
    const lines = [
      { sku: 'MUG', productId: 'prod_mug', quantity: 1 },
      { sku: 'TEA', productId: 'prod_tea', quantity: 3 },
    ];

    const decision = decideReservation(lines, stocks(mug, tea));

    expect(decision).toEqual({
      kind: 'REFUSE',
      reasonCode: 'INSUFFICIENT_STOCK',
      reason: 'Only 1 of TEA is available; the order asked for 3.',
      lines: [{ sku: 'TEA', productId: 'prod_tea', requested: 3, available: 1 }],
    });
  });

  it('refuses a sku the catalog does not have as an unknown product', () => {
    const decision = decideReservation([{ sku: 'GHOST', productId: 'prod_x', quantity: 1 }], stocks(mug));

    expect(decision).toMatchObject({
      reasonCode: 'UNKNOWN_PRODUCT',
      lines: [{ sku: 'GHOST', requested: 1, available: 0 }],
    });
  });

  it('refuses a line whose product id is not the product of its sku as an unknown product', () => {
    const decision = decideReservation([{ sku: 'MUG', productId: 'prod_tea', quantity: 1 }], stocks(mug));

    expect(decision).toMatchObject({ kind: 'REFUSE', reasonCode: 'UNKNOWN_PRODUCT' });
  });

  it('refuses a discontinued product', () => {
    const old = aStock({ sku: 'OLD', productId: 'prod_old', productStatus: 'DISCONTINUED', onHand: 9 });

    const decision = decideReservation([{ sku: 'OLD', productId: 'prod_old', quantity: 1 }], stocks(old));

    expect(decision).toMatchObject({ reasonCode: 'PRODUCT_DISCONTINUED', lines: [{ sku: 'OLD', available: 9 }] });
  });

  it('gives the most serious reason and lists every failing line', () => {
    const lines = [
      { sku: 'GHOST', productId: 'prod_x', quantity: 1 },
      { sku: 'TEA', productId: 'prod_tea', quantity: 2 },
    ];

    const decision = decideReservation(lines, stocks(mug, tea));

    expect(decision).toMatchObject({ reasonCode: 'UNKNOWN_PRODUCT', reason: 'GHOST is not a product in the catalog.' });
    expect(decision.kind === 'REFUSE' && decision.lines.map((l) => l.sku)).toEqual(['GHOST', 'TEA']);
  });
});

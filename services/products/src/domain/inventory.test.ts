import { describe, expect, it } from 'vitest';
import { NegativeStockError } from './errors';
import {
  applyStockChange,
  commitChange,
  mergeLines,
  newStock,
  releaseChange,
  reserveChange,
  restockChange,
} from './inventory';
import { checkRestockQuantity } from './product-rules';
import { aStock } from './test-data';

const line = (quantity: number, sku = 'MUG-ENAMEL-BLU') => ({ sku, productId: 'prod_1', quantity });

describe('stock changes', () => {
  it('starts with everything on hand available', () => {
    expect(newStock('MUG', 'prod_1', 'ACTIVE', 7)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
  });

  it('reserving sets units aside without taking them off hand', () => {
    const stock = applyStockChange(aStock({ onHand: 10 }), reserveChange(line(3)));

    expect(stock).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
  });

  it('releasing puts reserved units back on sale', () => {
    const stock = applyStockChange(aStock({ onHand: 10, reserved: 3 }), releaseChange(line(3)));

    expect(stock).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
  });

  it('committing sells reserved units: on hand and reserved drop, available stays', () => {
    const stock = applyStockChange(aStock({ onHand: 10, reserved: 3 }), commitChange(line(3)));

    expect(stock).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
  });

  it('restocking adds to on hand and available', () => {
    const stock = applyStockChange(aStock({ onHand: 2, reserved: 2 }), restockChange('MUG-ENAMEL-BLU', 5));

    expect(stock).toMatchObject({ onHand: 7, reserved: 2, available: 5 });
  });

  it('refuses to reserve more than is available', () => {
    const act = () => applyStockChange(aStock({ onHand: 10, reserved: 8 }), reserveChange(line(3)));

    expect(act).toThrow(NegativeStockError);
  });

  it('refuses to release more than is reserved', () => {
    const act = () => applyStockChange(aStock({ onHand: 10, reserved: 1 }), releaseChange(line(2)));

    expect(act).toThrow(NegativeStockError);
  });
});

describe('checkRestockQuantity', () => {
  it.each([0, -3, 1.5, 100_001])('refuses %s', (quantity) => {
    expect(() => checkRestockQuantity(quantity)).toThrow(expect.objectContaining({ code: 'PRODUCTS.INVALID_REQUEST' }));
  });

  it('accepts a positive whole number', () => {
    expect(checkRestockQuantity(24)).toBe(24);
  });
});

describe('mergeLines', () => {
  it('adds up lines of the same sku and orders them by sku', () => {
    const merged = mergeLines([line(1, 'TEA'), line(2, 'MUG'), line(3, 'TEA')]);

    expect(merged).toEqual([line(2, 'MUG'), line(4, 'TEA')]);
  });

  it('refuses an order without lines', () => {
    expect(() => mergeLines([])).toThrow(expect.objectContaining({ field: 'lines' }));
  });

  it('refuses a line with a quantity that is not a positive whole number', () => {
    expect(() => mergeLines([line(0)])).toThrow(expect.objectContaining({ field: 'quantity' }));
  });
});

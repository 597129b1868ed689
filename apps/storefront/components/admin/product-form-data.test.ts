import { describe, expect, it } from 'vitest';
import { parsePrice, readProductChanges } from './product-form-data';

describe('product form data', () => {
  it('reads a price in pounds as minor units', () => {
    expect(parsePrice('12.5')).toBe(1250);
    expect(parsePrice('9.99')).toBe(999);
    expect(parsePrice('7')).toBe(700);
    expect(parsePrice('-1')).toBeUndefined();
    expect(parsePrice('1.234')).toBeUndefined();
  });

  it('turns the edit form into a PATCH body', () => {
    const form = new FormData();
    form.set('name', ' Mug ');
    form.set('description', 'Blue');
    form.set('price', '10.00');
    form.set('currency', 'GBP');
    form.set('status', 'DISCONTINUED');

    expect(readProductChanges(form)).toEqual({ ok: true, changes: { name: 'Mug', description: 'Blue', price: { amount: 1000, currency: 'GBP' }, status: 'DISCONTINUED' } });
  });

  it('names the fields to fix', () => {
    const form = new FormData();
    form.set('price', 'ten');

    expect(readProductChanges(form)).toEqual({ ok: false, fields: { name: 'Required', price: 'A price such as 12.50' } });
  });
});

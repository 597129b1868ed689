import { describe, expect, it } from 'vitest';
import { categoryLabel, formatMoney, freeShippingText, imageUrl } from './format';

describe('format', () => {
  it('formats minor units in the currency', () => {
    expect(formatMoney({ amount: 950, currency: 'GBP' })).toBe('£9.50');
    expect(formatMoney({ amount: 1200, currency: 'JPY' })).toBe('JP¥1,200');
  });

  it('words the free-shipping banner from the flag threshold', () => {
    expect(freeShippingText(5000, 'GBP')).toBe('Free shipping over £50');
    expect(freeShippingText(7550, 'GBP')).toBe('Free shipping over £75.50');
    expect(freeShippingText(0, 'GBP')).toBe('Free shipping on every order');
  });

  it('builds image URLs under the images base, escaping each segment', () => {
    expect(imageUrl('http://img', 'products/mug blue.svg')).toBe('http://img/products/mug%20blue.svg');
  });

  it('labels a category slug', () => {
    expect(categoryLabel('garden-tools')).toBe('Garden Tools');
  });
});

import { describe, expect, it } from 'vitest';
import { availabilityText, categoriesOf, recommendationsFor } from './catalog';

describe('catalog helpers', () => {
  it('lists each category once, sorted', () => {
    expect(categoriesOf([{ category: 'kitchen' }, { category: 'books' }, { category: 'kitchen' }])).toEqual(['books', 'kitchen']);
  });

  it('recommends other products of the same category, never the product itself', () => {
    const mug = { id: 'p1', category: 'kitchen' };
    const candidates = [mug, { id: 'p2', category: 'kitchen' }, { id: 'p3', category: 'books' }, { id: 'p4', category: 'kitchen' }];

    expect(recommendationsFor(mug, candidates, 4).map((p) => p.id)).toEqual(['p2', 'p4']);
  });

  it('words availability, with a number when few are left', () => {
    expect(availabilityText(20, 'ACTIVE')).toBe('In stock');
    expect(availabilityText(3, 'ACTIVE')).toBe('Only 3 left');
    expect(availabilityText(0, 'ACTIVE')).toBe('Out of stock');
    expect(availabilityText(10, 'DISCONTINUED')).toBe('No longer sold');
  });
});

import type { Product } from './shop-api/types';

/** The categories present in a listing, sorted, for the navigation (the API has no category list). */
export function categoriesOf(products: readonly Pick<Product, 'category'>[]): string[] {
  return [...new Set(products.map((product) => product.category))].sort();
}

/** Up to `count` other products of the same category: "You may also like". */
export function recommendationsFor<P extends Pick<Product, 'id' | 'category'>>(product: P, candidates: readonly P[], count = 4): P[] {
  return candidates.filter((candidate) => candidate.id !== product.id && candidate.category === product.category).slice(0, count);
}

/** Stock in words; low stock is shown as a number so people can decide. */
export function availabilityText(available: number, status: Product['status']): string {
  if (status === 'DISCONTINUED') return 'No longer sold';
  if (available <= 0) return 'Out of stock';
  if (available < 5) return `Only ${available} left`;
  return 'In stock';
}

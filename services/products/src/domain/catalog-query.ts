import type { Product } from './product';

export const PRODUCT_SORTS = ['newest', 'name', 'price-asc', 'price-desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Where a page ended: the last product's sort value and id (the id breaks ties, so the order is total). */
export type SortPosition = { readonly id: string; readonly value: string | number };

/** What a customer asks the catalog for. */
export type ProductQuery = {
  readonly category?: string;
  /** Words to find in the name or description, case-insensitively. */
  readonly search?: string;
  readonly sort: ProductSort;
  readonly limit: number;
};

const normalize = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en');

/** True when every word of `search` appears in the product's name or description, ignoring case. */
export function matchesSearch(product: Product, search: string): boolean {
  const haystack = normalize(`${product.name}\n${product.description}`);
  return normalize(search)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

export function sortPositionOf(product: Product, sort: ProductSort): SortPosition {
  if (sort === 'newest') return { id: product.id, value: product.createdAt };
  if (sort === 'name') return { id: product.id, value: normalize(product.name) };
  return { id: product.id, value: product.price.amount };
}

const ascending = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two positions in the listing's order: negative when `a` comes first. */
export function comparePositions(sort: ProductSort, a: SortPosition, b: SortPosition): number {
  const byValue =
    sort === 'newest' || sort === 'price-desc' ? ascending(b.value, a.value) : ascending(a.value, b.value);
  if (byValue !== 0) return byValue;
  // Newest first breaks ties newest first too (ids are ULIDs); other sorts by id, ascending.
  return sort === 'newest' ? ascending(b.id, a.id) : ascending(a.id, b.id);
}

/**
 * One page of `products` in the query's order, starting after `after` (keyset paging: a product added
 * or removed between two pages neither repeats nor hides another), and where it ended if more follow.
 *
 * @example
 * const first = pageOf(products, { sort: 'name', limit: 20 });
 * const second = pageOf(products, { sort: 'name', limit: 20 }, first.last);
 */
export function pageOf(
  products: readonly Product[],
  query: Pick<ProductQuery, 'sort' | 'limit' | 'search'>,
  after?: SortPosition,
): { items: Product[]; last?: SortPosition } {
  const { sort, limit, search } = query;
  const ordered = products
    .filter((product) => search === undefined || matchesSearch(product, search))
    .map((product) => ({ product, position: sortPositionOf(product, sort) }))
    .filter(({ position }) => after === undefined || comparePositions(sort, after, position) < 0)
    .sort((a, b) => comparePositions(sort, a.position, b.position));
  const page = ordered.slice(0, limit);
  const more = ordered.length > limit;
  return { items: page.map(({ product }) => product), ...(more && { last: page.at(-1)?.position }) };
}

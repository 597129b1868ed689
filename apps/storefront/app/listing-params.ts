import { ProductSort } from '@/lib/shop-api/types';

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) || undefined;

/** The listing's URL parameters, each checked (an unknown sort is the default). */
export function listingParams(params: SearchParams): { q?: string; sort: ProductSort; cursor?: string } {
  const sort = ProductSort.safeParse(one(params.sort));
  const q = one(params.q)?.trim().slice(0, 100);
  const cursor = one(params.cursor);
  return { sort: sort.success ? sort.data : 'newest', ...(q && { q }), ...(cursor && { cursor }) };
}

export { one };

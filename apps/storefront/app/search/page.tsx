import type { Metadata } from 'next';
import { ProductGrid } from '@/components/catalog/product-card';
import { ListingControls, Pager } from '@/components/catalog/listing-controls';
import { getConfig } from '@/lib/config';
import { PAGE_SIZE } from '@/lib/constants';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import { listingParams } from '../listing-params';

export const metadata: Metadata = { title: 'Search' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const query = listingParams(await searchParams);
  const { api } = await getSession();
  const page = query.q
    ? await api.listProducts({ ...query, limit: PAGE_SIZE }).catch((error: unknown) => {
        if (hasCode(error, 'PRODUCTS.INVALID_CURSOR')) return api.listProducts({ q: query.q, sort: query.sort, limit: PAGE_SIZE });
        throw error;
      })
    : undefined;
  return (
    <>
      <h1>{query.q ? `Results for “${query.q}”` : 'Search'}</h1>
      <ListingControls action="/search" q={query.q} sort={query.sort} />
      {page && (
        <>
          <p role="status">{page.items.length === 0 ? 'Nothing matches these words.' : `${page.items.length}${page.nextCursor ? '+' : ''} products`}</p>
          <ProductGrid products={page.items} imagesUrl={getConfig().imagesUrl} label="Search results" />
          <Pager path="/search" params={{ q: query.q, sort: query.sort, cursor: query.cursor }} nextCursor={page.nextCursor} />
        </>
      )}
    </>
  );
}

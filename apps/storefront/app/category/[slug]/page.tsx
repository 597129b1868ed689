import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/catalog/product-card';
import { ListingControls, Pager } from '@/components/catalog/listing-controls';
import { getConfig } from '@/lib/config';
import { PAGE_SIZE } from '@/lib/constants';
import { categoryLabel } from '@/lib/format';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import { listingParams } from '../../listing-params';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: categoryLabel((await params).slug) };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) notFound();
  const query = listingParams(await searchParams);
  const { api } = await getSession();
  let page;
  try {
    page = await api.listProducts({ category: slug, ...query, limit: PAGE_SIZE });
  } catch (error) {
    // A stale or hand-edited cursor: start the listing again rather than fail.
    if (!hasCode(error, 'PRODUCTS.INVALID_CURSOR', 'REQUEST.INVALID')) throw error;
    page = await api.listProducts({ category: slug, sort: query.sort, ...(query.q && { q: query.q }), limit: PAGE_SIZE });
  }
  if (page.items.length === 0 && !query.q && !query.cursor) notFound();
  return (
    <>
      <h1>{categoryLabel(slug)}</h1>
      <ListingControls action={`/category/${slug}`} q={query.q} sort={query.sort} />
      <ProductGrid products={page.items} imagesUrl={getConfig().imagesUrl} label={`${categoryLabel(slug)} products`} />
      <Pager path={`/category/${slug}`} params={{ q: query.q, sort: query.sort, cursor: query.cursor }} nextCursor={page.nextCursor} />
    </>
  );
}

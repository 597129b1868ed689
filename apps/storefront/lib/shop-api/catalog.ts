import { z } from 'zod';
import { CATALOG_REVALIDATE_SECONDS, TAGS } from '../constants';
import type { ApiContext } from './context';
import { Product, ProductDetail, ProductPage, StockLevel, type NewProduct, type ProductChanges, type ProductSort } from './types';

export interface ProductQuery {
  readonly category?: string;
  readonly q?: string;
  readonly sort?: ProductSort;
  readonly cursor?: string;
  readonly limit?: number;
}

const enc = encodeURIComponent;

/** The catalog: listings are shared between visitors (tagged, revalidated); a product's stock is always fresh. */
export function catalogApi(ctx: ApiContext) {
  return {
    listProducts(query: ProductQuery = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
      const search = params.size > 0 ? `?${params}` : '';
      return ctx.get(`/products${search}`, ProductPage, { cache: { tags: [TAGS.products], revalidate: CATALOG_REVALIDATE_SECONDS } });
    },
    getProduct(productId: string) {
      return ctx.get(`/products/${enc(productId)}`, ProductDetail);
    },
    createProduct(product: NewProduct) {
      return ctx.send('POST', '/admin/products', Product, product, { auth: true });
    },
    updateProduct(productId: string, changes: ProductChanges) {
      return ctx.send('PATCH', `/admin/products/${enc(productId)}`, Product, changes, { auth: true });
    },
    restock(productId: string, quantity: number) {
      return ctx.send('POST', `/admin/products/${enc(productId)}/restock`, StockLevel.extend({ productStatus: z.string() }), { quantity }, { auth: true });
    },
  };
}

import type { ProductSnapshot } from '@shop/events';
import { OrdersDomainError } from './errors';
import type { Money } from './money';

/**
 * The orders service's copy of a product: only what carts and pricing need, kept current by
 * `Product.ProductCreated` and `Product.ProductInfoUpdated` (event-carried state transfer).
 */
export type CatalogProduct = {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  /** Unit price before tax. */
  readonly price: Money;
  /** 2000 is 20%; 0 is zero-rated. */
  readonly taxRateBasisPoints: number;
  readonly status: 'ACTIVE' | 'DISCONTINUED';
  /** The products service's revision this copy was taken from. */
  readonly revision: number;
  readonly imageKey?: string;
};

/** The products a cart refers to, by product id (what the adapter loads for a cart's lines). */
export type Catalog = ReadonlyMap<string, CatalogProduct>;

export function toCatalogProduct(snapshot: ProductSnapshot): CatalogProduct {
  const { id, sku, name, price, taxRateBasisPoints, status, revision, imageKey } = snapshot;
  const product = { id, sku, name, price: { ...price }, taxRateBasisPoints, status, revision };
  return imageKey === undefined ? product : { ...product, imageKey };
}

/**
 * The copy to keep after a product event: the snapshot's if its revision is newer, else `current`
 * itself (the same object, so a caller can skip the write with `result === current`). EventBridge
 * delivers at least once and in no particular order, so an older or repeated revision changes nothing.
 * The adapter must still write with a condition on the stored revision: two deliveries can race.
 *
 * @example
 * const next = applyProductEvent(await catalog.get(snapshot.id), snapshot);
 */
export function applyProductEvent(current: CatalogProduct | undefined, snapshot: ProductSnapshot): CatalogProduct {
  if (current !== undefined && current.id !== snapshot.id) {
    throw new RangeError(`Product ${snapshot.id} cannot replace product ${current.id}`);
  }
  if (current !== undefined && snapshot.revision <= current.revision) return current;
  return toCatalogProduct(snapshot);
}

/** A catalog to look products up in, from the products an adapter loaded. */
export function catalogOf(products: Iterable<CatalogProduct>): Catalog {
  return new Map(Array.from(products, (product) => [product.id, product]));
}

/**
 * The product a shopper may buy now.
 *
 * @throws OrdersDomainError `PRODUCT_NOT_FOUND` (not in the catalog), `PRODUCT_UNAVAILABLE` (discontinued).
 */
export function orderableProduct(catalog: Catalog, productId: string): CatalogProduct {
  const product = catalog.get(productId);
  if (product === undefined) {
    throw new OrdersDomainError('ORDERS.PRODUCT_NOT_FOUND', `No product ${productId}`, { productId });
  }
  if (product.status !== 'ACTIVE') {
    throw new OrdersDomainError('ORDERS.PRODUCT_UNAVAILABLE', `Product ${product.sku} is no longer sold`, {
      productId: product.id,
      sku: product.sku,
    });
  }
  return product;
}

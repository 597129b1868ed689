import type { Cart, CatalogProduct } from '../domain';

// The item design of the orders table (the README's "Item design" section is the full story).
// Keys `pk`/`sk` are strings; TTL reads `expiresAt` (epoch seconds); GSI `byCustomer` is gsi1pk/gsi1sk.
export const ORDERS_TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  byCustomerIndex: { indexName: 'byCustomer', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;
export const INDEX_BY_CUSTOMER = ORDERS_TABLE_DESIGN.byCustomerIndex.indexName;

export const cartKey = (cartId: string) => ({ pk: `CART#${cartId}`, sk: 'CART' });
/** Points a customer at their cart: created once, with a condition, so two first requests find one cart. */
export const customerCartPointerKey = (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'CART' });
/** The customer's profile as orders copies it (or, once the user is deleted, the tombstone that replaced it). */
export const customerProfileKey = (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'PROFILE' });
export const productKey = (productId: string) => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' });
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });
export const customerOrdersPartition = (customerId: string) => `CUSTOMER#${customerId}`;

export type Item = Record<string, unknown>;

/** A cart as stored: the domain cart, the version it was read at, and the guest carts merged into it. */
export type StoredCart = {
  readonly cart: Cart;
  /** Bumped by every write; a write is conditional on the version it read (optimistic locking). */
  readonly version: number;
  /** The last guest carts merged into this one, so a merge retried after a crash adds nothing twice. */
  readonly mergedGuestCartIds: readonly string[];
};

/** How many merged guest cart ids a customer cart remembers (a retry comes seconds later, not months). */
export const MERGED_IDS_KEPT = 20;

export function cartItem(stored: StoredCart): Item {
  const { cart, version, mergedGuestCartIds } = stored;
  return {
    ...cartKey(cart.id),
    type: 'CART',
    ...cart,
    version,
    ...(mergedGuestCartIds.length > 0 && { mergedGuestCartIds: mergedGuestCartIds.slice(-MERGED_IDS_KEPT) }),
  };
}

export function storedCartFromItem(item: Item): StoredCart {
  const { id, owner, lines, createdAt, updatedAt, expiresAt, version, mergedGuestCartIds } = item;
  const fields = { id, owner, lines, createdAt, updatedAt } as Omit<Cart, 'expiresAt'>;
  const cart = (expiresAt === undefined ? fields : { ...fields, expiresAt }) as Cart;
  return { cart, version: version as number, mergedGuestCartIds: (mergedGuestCartIds as string[] | undefined) ?? [] };
}

export function productItem(product: CatalogProduct): Item {
  return { ...productKey(product.id), type: 'PRODUCT', ...product };
}

export function productFromItem(item: Item): CatalogProduct {
  const { id, sku, name, price, taxRateBasisPoints, status, revision, imageKey } = item;
  const product = { id, sku, name, price, taxRateBasisPoints, status, revision } as CatalogProduct;
  return imageKey === undefined ? product : { ...product, imageKey: imageKey as string };
}

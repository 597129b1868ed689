import type { Stock } from '../domain/inventory';
import type { Product } from '../domain/product';
import type { Reservation } from '../domain/reservation';

// The item design (one table; see the service README for the access patterns each key serves).
export const INDEX_BY_CATEGORY = 'byCategory';
export const INDEX_BY_SKU = 'bySku';
/** Every product shares this bySku partition, so the index also lists the whole catalog in sku order. */
export const CATALOG_PARTITION = 'CATALOG';

export const productKey = (id: string) => ({ pk: `PRODUCT#${id}`, sk: 'PRODUCT' });
export const stockKey = (sku: string) => ({ pk: `STOCK#${sku}`, sk: 'STOCK' });
export const reservationKey = (orderId: string) => ({ pk: `RESERVATION#${orderId}`, sk: 'RESERVATION' });
export const outboxKey = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });
export const categoryPartition = (category: string) => `CATEGORY#${category}`;
/** Newest first is a descending query: createdAt, then the id to break ties (ULIDs sort by time too). */
export const categorySortKey = (product: Pick<Product, 'createdAt' | 'id'>) => `${product.createdAt}#${product.id}`;

export type Item = Record<string, unknown>;

export function productItem(product: Product): Item {
  return {
    ...productKey(product.id),
    type: 'PRODUCT',
    gsi1pk: categoryPartition(product.category),
    gsi1sk: categorySortKey(product),
    gsi2pk: CATALOG_PARTITION,
    gsi2sk: product.sku,
    ...product,
  };
}

export function productFromItem(item: Item): Product {
  const { id, sku, name, description, category, price, taxRateBasisPoints, images, status, revision } = item;
  const { createdAt, updatedAt } = item;
  return {
    id,
    sku,
    name,
    description,
    category,
    price,
    taxRateBasisPoints,
    images,
    status,
    revision,
    createdAt,
    updatedAt,
  } as Product;
}

export function stockItem(stock: Stock, now: Date): Item {
  return { ...stockKey(stock.sku), type: 'STOCK', ...stock, updatedAt: now.toISOString() };
}

export function stockFromItem(item: Item): Stock {
  const { sku, productId, productStatus, onHand, reserved, available } = item;
  return { sku, productId, productStatus, onHand, reserved, available } as Stock;
}

export function reservationItem(reservation: Reservation): Item {
  return { ...reservationKey(reservation.orderId), type: 'RESERVATION', ...reservation };
}

export function reservationFromItem(item: Item): Reservation {
  const { id, orderId, status, lines, createdAt, updatedAt, holdExpiresAt } = item;
  return {
    id,
    orderId,
    status,
    lines,
    createdAt,
    updatedAt,
    ...(holdExpiresAt !== undefined && { holdExpiresAt }),
  } as Reservation;
}

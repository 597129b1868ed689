import {
  eventOf,
  PRODUCT_FIELDS,
  ProductCreated,
  ProductInfoUpdated,
  StockReleased,
  StockReservationFailed,
  StockReserved,
  type ProductSnapshot,
} from '@shop/events';
import type { StockLine } from '../domain/inventory';
import type { Product, UpdatableField } from '../domain/product';
import type { RefusalReason, RefusedLine } from '../domain/reservation-decision';
import type { Reservation } from '../domain/reservation';

type SnapshotField = (typeof PRODUCT_FIELDS)[number];

/** The product as the events carry it: the main image's key, never a URL (clients add their own base URL). */
export function toSnapshot(product: Product): ProductSnapshot {
  const imageKey = product.images[0]?.key;
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    price: product.price,
    taxRateBasisPoints: product.taxRateBasisPoints,
    ...(imageKey !== undefined && { imageKey }),
    status: product.status,
    revision: product.revision,
    updatedAt: product.updatedAt,
  };
}

/**
 * The snapshot fields a change touched. Images map to `imageKey` only when the main image changed: alt
 * text and further images are not in the snapshot, so such a change gives an empty list (and no event).
 */
export function changedSnapshotFields(
  before: Product,
  after: Product,
  changed: readonly UpdatableField[],
): SnapshotField[] {
  return changed.flatMap((field): SnapshotField[] => {
    if (field !== 'images') return [field];
    return before.images[0]?.key === after.images[0]?.key ? [] : ['imageKey'];
  });
}

export const productCreated = (product: Product) => eventOf(ProductCreated, { product: toSnapshot(product) });

export const productInfoUpdated = (product: Product, changedFields: SnapshotField[]) =>
  eventOf(ProductInfoUpdated, { product: toSnapshot(product), changedFields });

export const stockReserved = (reservation: Reservation, taskToken: string) =>
  eventOf(StockReserved, {
    orderId: reservation.orderId,
    reservationId: reservation.id,
    taskToken,
    lines: reservation.lines.map(({ sku, productId, quantity }) => ({ sku, productId, quantity })),
    reservedAt: reservation.createdAt,
    expiresAt: reservation.holdExpiresAt ?? reservation.createdAt,
  });

export type Refusal = {
  readonly orderId: string;
  readonly taskToken: string;
  readonly reasonCode: RefusalReason;
  readonly reason: string;
  readonly lines: readonly RefusedLine[];
};

export const stockReservationFailed = (refusal: Refusal, now: Date) =>
  eventOf(StockReservationFailed, {
    orderId: refusal.orderId,
    taskToken: refusal.taskToken,
    reasonCode: refusal.reasonCode,
    reason: refusal.reason,
    lines: refusal.lines.map(({ sku, productId, requested, available }) => ({ sku, productId, requested, available })),
    failedAt: now.toISOString(),
  });

export const stockReleased = (reservation: Reservation, lines: readonly StockLine[]) =>
  eventOf(StockReleased, {
    orderId: reservation.orderId,
    reservationId: reservation.id,
    reasonCode: 'ORDER_CANCELLED',
    lines: lines.map(({ sku, productId, quantity }) => ({ sku, productId, quantity })),
    releasedAt: reservation.updatedAt,
  });

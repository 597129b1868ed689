import type { ProductQuery } from './domain/catalog-query';
import type { Stock, StockLine } from './domain/inventory';
import type { Product, UpdatableField } from './domain/product';
import type { RefusalReason, RefusedLine } from './domain/reservation-decision';
import type { ReservationStatus } from './domain/reservation';

/** Products and their stock. Every change that is a fact others care about publishes its event atomically. */
export interface ProductRepository {
  /** Saves a new product and its stock, and publishes Product.ProductCreated. @throws SkuTakenError */
  create(product: Product, initialStock: number): Promise<void>;
  get(id: string): Promise<Product | undefined>;
  getBySku(sku: string): Promise<Product | undefined>;
  /**
   * Saves `next` if the stored product is still at `previous.revision`, and publishes
   * Product.ProductInfoUpdated. Returns false (and changes nothing) when someone saved first.
   */
  update(previous: Product, next: Product, changedFields: readonly UpdatableField[]): Promise<boolean>;
  /** Adds to a sku's stock. @throws ProductNotFoundError when the sku has no stock item. */
  restock(sku: string, quantity: number): Promise<Stock>;
  getStock(sku: string): Promise<Stock | undefined>;
}

/** A page of the catalog, and the cursor of the next one if there is more. */
export type ProductPage = { readonly items: readonly Product[]; readonly nextCursor?: string };

export interface ProductCatalog {
  /** @throws InvalidCursorError when `cursor` is not one this query returned. */
  list(query: ProductQuery, cursor?: string): Promise<ProductPage>;
}

/** An order's request for stock: every line, or none. */
export type ReserveRequest = {
  readonly orderId: string;
  readonly taskToken: string;
  readonly lines: readonly StockLine[];
};

export type ReserveOutcome =
  | { readonly kind: 'RESERVED'; readonly reservationId: string }
  | { readonly kind: 'REFUSED'; readonly reasonCode: RefusalReason; readonly lines: readonly RefusedLine[] }
  /** The order was settled before (a duplicate OrderPlaced, or a cancellation that came first): nothing changed. */
  | { readonly kind: 'ALREADY_SETTLED'; readonly status: ReservationStatus };

export type SettleOutcome = {
  readonly kind: 'CHANGED' | 'UNCHANGED' | 'NOTHING_RESERVED';
  readonly status: ReservationStatus;
};

/** Stock reservations, one per order, each step at most once. */
export interface Inventory {
  /** Publishes Inventory.StockReserved or Inventory.StockReservationFailed with the change. */
  reserve(request: ReserveRequest): Promise<ReserveOutcome>;
  /** Order cancelled: puts the reserved stock back on sale and publishes Inventory.StockReleased. */
  release(orderId: string): Promise<SettleOutcome>;
  /** Order confirmed: the reserved units are sold. @throws ReservationNotFoundError, ReservationStateError */
  commit(orderId: string): Promise<SettleOutcome>;
}

/** Where product images are stored (the images bucket). */
export interface ImageStore {
  /** Stores (or replaces) an image. */
  put(key: string, body: string, contentType: string): Promise<void>;
}

// What other code may use from the products service: its domain types and rules (pure TypeScript), the
// error codes it answers with, and the ports. Handlers are Lambda entry points, bundled from their files.
export {
  PRODUCT_SORTS,
  matchesSearch,
  pageOf,
  type ProductQuery,
  type ProductSort,
  type SortPosition,
} from './domain/catalog-query';
export * from './domain/errors';
export { newProductId, newReservationId, ulid } from './domain/ids';
export {
  applyStockChange,
  commitChange,
  mergeLines,
  newStock,
  releaseChange,
  reserveChange,
  restockChange,
  type Stock,
  type StockChange,
  type StockLine,
} from './domain/inventory';
export {
  PRODUCT_STATUSES,
  UPDATABLE_FIELDS,
  createProduct,
  updateProduct,
  type Money,
  type NewProduct,
  type Product,
  type ProductChanges,
  type ProductImage,
  type ProductStatus,
  type UpdatableField,
} from './domain/product';
export { MAX_IMAGES, MAX_RESTOCK_QUANTITY, checkRestockQuantity } from './domain/product-rules';
export {
  REFUSAL_REASONS,
  decideReservation,
  type RefusalReason,
  type RefusedLine,
  type ReservationDecision,
} from './domain/reservation-decision';
export {
  RESERVATION_HOLD_MINUTES,
  commitReservation,
  releaseReservation,
  type Reservation,
  type ReservationStatus,
  type Transition,
} from './domain/reservation';
export type * from './ports';
export { toSnapshot } from './adapters/product-events';

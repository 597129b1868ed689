import { DomainError } from '@shop/lambda-kit/errors';

/** Every error code the products service throws on purpose, with its HTTP status where one applies. */
export const PRODUCT_ERROR_STATUS = {
  'PRODUCTS.NOT_FOUND': 404,
  'PRODUCTS.INVALID_REQUEST': 400,
  'PRODUCTS.INVALID_CURSOR': 400,
  'PRODUCTS.UNAUTHENTICATED': 401,
  'PRODUCTS.FORBIDDEN': 403,
  'PRODUCTS.SKU_TAKEN': 409,
  'PRODUCTS.CONFLICT': 409,
} as const;

export class ProductNotFoundError extends DomainError {
  constructor(what: string, options?: ErrorOptions) {
    super('PRODUCTS.NOT_FOUND', `No product ${what}`, options);
  }
}

/** A product or stock change that breaks a catalog rule (negative price, empty name, zero quantity…). */
export class InvalidProductError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super('PRODUCTS.INVALID_REQUEST', `${field}: ${message}`, options);
  }
}

export class SkuTakenError extends DomainError {
  constructor(sku: string, options?: ErrorOptions) {
    super('PRODUCTS.SKU_TAKEN', `SKU ${sku} already belongs to a product`, options);
  }
}

/** Someone else changed the product between our read and our write, more often than we retry. */
export class ProductConflictError extends DomainError {
  constructor(productId: string, options?: ErrorOptions) {
    super('PRODUCTS.CONFLICT', `Product ${productId} was changed concurrently; try again`, options);
  }
}

export class InvalidCursorError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PRODUCTS.INVALID_CURSOR', 'The cursor is not one this listing returned', options);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PRODUCTS.UNAUTHENTICATED', 'Sign in to use this route', options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PRODUCTS.FORBIDDEN', 'Only the admin group may use this route', options);
  }
}

/** OrderConfirmed (or a commit) for an order whose stock was never reserved here: orders and products disagree. */
export class ReservationNotFoundError extends DomainError {
  constructor(orderId: string, options?: ErrorOptions) {
    super('PRODUCTS.RESERVATION_NOT_FOUND', `No stock reservation for order ${orderId}`, options);
  }
}

/** A transition the reservation lifecycle forbids, e.g. committing stock that was already released. */
export class ReservationStateError extends DomainError {
  constructor(orderId: string, from: string, to: string, options?: ErrorOptions) {
    super('PRODUCTS.RESERVATION_STATE', `Reservation of order ${orderId} cannot go from ${from} to ${to}`, options);
  }
}

/** The stock of a sku was contended more often than we retry; the message is retried later. */
export class StockContendedError extends DomainError {
  constructor(orderId: string, options?: ErrorOptions) {
    super('PRODUCTS.STOCK_CONTENDED', `Stock for order ${orderId} stayed contended; retry later`, options);
  }
}

/** A stock change that would leave on hand, reserved or available stock below zero. */
export class NegativeStockError extends DomainError {
  constructor(sku: string, options?: ErrorOptions) {
    super('PRODUCTS.NEGATIVE_STOCK', `Stock of ${sku} cannot go below zero`, options);
  }
}

/** A table stream record that does not hold an outbox item this service can publish. */
export class OutboxRecordError extends DomainError {
  constructor(message: string, options?: ErrorOptions) {
    super('PRODUCTS.BAD_OUTBOX_RECORD', message, options);
  }
}

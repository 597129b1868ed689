import { orderableProduct, type Catalog } from './catalog';
import { OrdersDomainError } from './errors';

/** Most items of one product in a cart. */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct products in a cart: keeps a cart one small DynamoDB item and one small workflow input. */
export const MAX_CART_LINES = 50;
/** A guest cart lives this long after its last change. */
export const GUEST_CART_TTL_SECONDS = 7 * 24 * 60 * 60;

export type GuestOwner = { readonly kind: 'guest'; readonly id: string };
export type CustomerOwner = { readonly kind: 'customer'; readonly customerId: string };
export type CartOwner = GuestOwner | CustomerOwner;

/** One product in a cart. No price: carts are priced from the catalog when shown and at checkout. */
export type CartLine = { readonly productId: string; readonly sku: string; readonly quantity: number };

type CartFields = {
  readonly id: string;
  readonly lines: readonly CartLine[];
  readonly createdAt: string;
  readonly updatedAt: string;
};
/** A signed-out shopper's cart. `expiresAt` is epoch seconds, the attribute DynamoDB TTL reads. */
export type GuestCart = CartFields & { readonly owner: GuestOwner; readonly expiresAt: number };
/** A signed-in customer's cart: it does not expire. */
export type CustomerCart = CartFields & { readonly owner: CustomerOwner };
export type Cart = GuestCart | CustomerCart;

/** What a shopper asks to add. */
export type CartItem = { readonly productId: string; readonly quantity: number };

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function newGuestCart(id: string, guestId: string, now: Date): GuestCart {
  const at = now.toISOString();
  const expiresAt = epochSeconds(now) + GUEST_CART_TTL_SECONDS;
  return { id, owner: { kind: 'guest', id: guestId }, lines: [], createdAt: at, updatedAt: at, expiresAt };
}

export function newCustomerCart(id: string, customerId: string, now: Date): CustomerCart {
  const at = now.toISOString();
  return { id, owner: { kind: 'customer', customerId }, lines: [], createdAt: at, updatedAt: at };
}

export function isGuestCart(cart: Cart): cart is GuestCart {
  return cart.owner.kind === 'guest';
}

/**
 * DynamoDB TTL deletes expired items eventually (often days later), so a read can still return a
 * cart whose time is up: this decides, not whether the item exists.
 */
export function isCartExpired(cart: Cart, now: Date): boolean {
  return isGuestCart(cart) && cart.expiresAt <= epochSeconds(now);
}

/** Throws `ORDERS.CART_EXPIRED` for an expired guest cart; use before changing or checking out a cart. */
export function assertCartOpen(cart: Cart, now: Date): void {
  if (isCartExpired(cart, now)) {
    throw new OrdersDomainError('ORDERS.CART_EXPIRED', `Cart ${cart.id} has expired`, { cartId: cart.id });
  }
}

/** @internal Throws `ORDERS.INVALID_QUANTITY` unless `quantity` is a whole number in min..99. */
export function checkQuantity(quantity: number, min: 0 | 1): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new OrdersDomainError(
      'ORDERS.INVALID_QUANTITY',
      `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}`,
      { min, max: MAX_LINE_QUANTITY },
    );
  }
}

/** @internal The cart with new lines, changed now: a guest cart's life starts again. */
export function withLines<C extends Cart>(cart: C, lines: readonly CartLine[], now: Date): C {
  const changed = { ...cart, lines, updatedAt: now.toISOString() };
  return isGuestCart(cart) ? { ...changed, expiresAt: epochSeconds(now) + GUEST_CART_TTL_SECONDS } : changed;
}

/**
 * Adds items of an ACTIVE product; a product already in the cart gets the quantities added together.
 *
 * @throws OrdersDomainError `CART_EXPIRED`, `INVALID_QUANTITY` (also when the merged line passes 99),
 *   `PRODUCT_NOT_FOUND`, `PRODUCT_UNAVAILABLE` (discontinued), `CART_FULL` (a 51st product).
 */
export function addLine<C extends Cart>(cart: C, item: CartItem, catalog: Catalog, now: Date): C {
  assertCartOpen(cart, now);
  checkQuantity(item.quantity, 1);
  const product = orderableProduct(catalog, item.productId);
  const existing = cart.lines.find((line) => line.productId === product.id);
  if (existing !== undefined) {
    const quantity = existing.quantity + item.quantity;
    checkQuantity(quantity, 1);
    const lines = cart.lines.map((line) => (line === existing ? { ...line, quantity } : line));
    return withLines(cart, lines, now);
  }
  if (cart.lines.length >= MAX_CART_LINES) {
    throw new OrdersDomainError('ORDERS.CART_FULL', `A cart holds at most ${MAX_CART_LINES} products`, {
      max: MAX_CART_LINES,
    });
  }
  return withLines(cart, [...cart.lines, { productId: product.id, sku: product.sku, quantity: item.quantity }], now);
}

/**
 * Sets a line's quantity; 0 removes the line.
 *
 * @throws OrdersDomainError `CART_EXPIRED`, `INVALID_QUANTITY`, `CART_LINE_NOT_FOUND` (a quantity
 *   above 0 for a product not in the cart).
 */
export function changeQuantity<C extends Cart>(cart: C, productId: string, quantity: number, now: Date): C {
  assertCartOpen(cart, now);
  checkQuantity(quantity, 0);
  if (quantity === 0) return removeLine(cart, productId, now);
  if (!cart.lines.some((line) => line.productId === productId)) {
    throw new OrdersDomainError('ORDERS.CART_LINE_NOT_FOUND', `Product ${productId} is not in the cart`, {
      productId,
    });
  }
  return withLines(
    cart,
    cart.lines.map((line) => (line.productId === productId ? { ...line, quantity } : line)),
    now,
  );
}

/**
 * Removes a product's line. Removing a product that is not in the cart returns the cart unchanged
 * (the same object), so a retried DELETE succeeds and writes nothing.
 *
 * @throws OrdersDomainError `CART_EXPIRED`.
 */
export function removeLine<C extends Cart>(cart: C, productId: string, now: Date): C {
  assertCartOpen(cart, now);
  const lines = cart.lines.filter((line) => line.productId !== productId);
  return lines.length === cart.lines.length ? cart : withLines(cart, lines, now);
}

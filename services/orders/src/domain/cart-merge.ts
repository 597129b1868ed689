import {
  isCartExpired,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  withLines,
  type CartLine,
  type CustomerCart,
  type GuestCart,
} from './cart';

export type CartMerge = {
  /** The customer's cart with the guest's lines in it. */
  readonly cart: CustomerCart;
  /** What of the guest cart did not fit (a 51st product, or items above 99 of one product). */
  readonly dropped: readonly CartLine[];
};

/**
 * At sign-in, moves a guest cart's lines into the customer's cart: quantities of the same product are
 * added, the customer's lines keep their place and the guest's new ones follow. Signing in must not
 * fail over a cart, so what does not fit is left out and reported in `dropped` instead of thrown.
 * An expired guest cart is gone, even if DynamoDB has not deleted it yet: it brings nothing.
 * Products are not checked here: a discontinued one is refused when the cart is priced.
 *
 * @example
 * const { cart, dropped } = mergeGuestCart(guestCart, customerCart, new Date());
 */
export function mergeGuestCart(guest: GuestCart, customer: CustomerCart, now: Date): CartMerge {
  if (isCartExpired(guest, now) || guest.lines.length === 0) return { cart: customer, dropped: [] };
  const lines = [...customer.lines];
  const dropped: CartLine[] = [];
  for (const line of guest.lines) {
    const index = lines.findIndex((existing) => existing.productId === line.productId);
    const current = lines[index];
    if (current !== undefined) {
      const quantity = Math.min(current.quantity + line.quantity, MAX_LINE_QUANTITY);
      lines[index] = { ...current, quantity };
      const excess = current.quantity + line.quantity - quantity;
      if (excess > 0) dropped.push({ ...line, quantity: excess });
    } else if (lines.length < MAX_CART_LINES) {
      lines.push(line);
    } else {
      dropped.push(line);
    }
  }
  return { cart: withLines(customer, lines, now), dropped };
}

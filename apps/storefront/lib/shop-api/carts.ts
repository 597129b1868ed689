import { z } from 'zod';
import type { ApiContext } from './context';
import { Cart } from './types';

const enc = encodeURIComponent;

/**
 * Which cart a change goes to, as `getCart`/`getMyCart` returned it. A guest cart is reached by its id (the
 * public routes); a customer's cart only through `/me/cart` with the ID token: the public routes answer 404
 * for it, so its id is never used.
 */
export type CartRef = Pick<Cart, 'id' | 'owner'>;

const linePath = (cart: CartRef, productId: string) =>
  cart.owner === 'customer' ? `/me/cart/lines/${enc(productId)}` : `/carts/${enc(cart.id)}/lines/${enc(productId)}`;
const auth = (cart: CartRef) => ({ auth: cart.owner === 'customer' });

/** Carts: the cart id is the credential of a guest cart; the customer's own cart needs the ID token. */
export function cartsApi(ctx: ApiContext) {
  const api = {
    createCart: () => ctx.send('POST', '/carts', Cart),
    /** A guest cart by its id (a customer's cart answers ORDERS.CART_NOT_FOUND here: use `getMyCart`). */
    getCart: (cartId: string) => ctx.get(`/carts/${enc(cartId)}`, Cart),
    getMyCart: () => ctx.get('/me/cart', Cart, { auth: true }),
    /** Sets a line's quantity; 0 removes it. */
    setLineQuantity: (cart: CartRef, productId: string, quantity: number) =>
      ctx.send('PUT', linePath(cart, productId), Cart, { quantity }, auth(cart)),
    removeLine: (cart: CartRef, productId: string) =>
      ctx.send('DELETE', linePath(cart, productId), Cart, undefined, auth(cart)),
    /** Adds `quantity` to what the cart holds of the product now (the API sets quantities). */
    async addToCart(cart: CartRef, productId: string, quantity: number) {
      const current = cart.owner === 'customer' ? await api.getMyCart() : await api.getCart(cart.id);
      const held = current.lines.find((line) => line.productId === productId)?.quantity ?? 0;
      return api.setLineQuantity(cart, productId, held + quantity);
    },
    mergeGuestCart: (guestCartId: string) =>
      ctx.send('POST', '/me/cart/merge', z.object({ cart: Cart, dropped: z.array(z.unknown()).default([]) }), { guestCartId }, { auth: true }),
  };
  return api;
}

import { z } from 'zod';
import type { ApiContext } from './context';
import { Cart } from './types';

const enc = encodeURIComponent;

/** Carts: the cart id is the credential on the public routes; the customer's own cart needs the ID token. */
export function cartsApi(ctx: ApiContext) {
  const api = {
    createCart: () => ctx.send('POST', '/carts', Cart),
    getCart: (cartId: string) => ctx.get(`/carts/${enc(cartId)}`, Cart),
    getMyCart: () => ctx.get('/me/cart', Cart, { auth: true }),
    /** Sets a line's quantity; 0 removes it. */
    setLineQuantity: (cartId: string, productId: string, quantity: number) =>
      ctx.send('PUT', `/carts/${enc(cartId)}/lines/${enc(productId)}`, Cart, { quantity }),
    removeLine: (cartId: string, productId: string) => ctx.send('DELETE', `/carts/${enc(cartId)}/lines/${enc(productId)}`, Cart),
    /** Adds `quantity` to what the cart already holds of the product (the API sets quantities). */
    async addToCart(cartId: string, productId: string, quantity: number) {
      const cart = await api.getCart(cartId);
      const current = cart.lines.find((line) => line.productId === productId)?.quantity ?? 0;
      return api.setLineQuantity(cartId, productId, current + quantity);
    },
    mergeGuestCart: (guestCartId: string) =>
      ctx.send('POST', '/me/cart/merge', z.object({ cart: Cart, dropped: z.array(z.unknown()).default([]) }), { guestCartId }, { auth: true }),
  };
  return api;
}

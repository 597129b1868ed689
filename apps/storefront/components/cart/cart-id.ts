import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import { storeGuestCart } from '@/lib/session/cookies';
import { hasCode } from '@/lib/shop-api/errors';
import type { RequestSession } from '@/lib/shop-api/server';
import type { Cart } from '@/lib/shop-api/types';

/** Only in server actions (they may set cookies): the visitor's cart, made on first use for a guest. */
export async function cartForUpdate(session: RequestSession): Promise<Cart> {
  if (session.viewer) return session.api.getMyCart();
  if (session.guestCartId) {
    try {
      return await session.api.getCart(session.guestCartId);
    } catch (error) {
      // An expired or deleted guest cart is replaced, not an error for the shopper.
      if (!hasCode(error, 'ORDERS.CART_NOT_FOUND', 'ORDERS.CART_EXPIRED')) throw error;
    }
  }
  const cart = await session.api.createCart();
  storeGuestCart(await cookies(), cart.id, getConfig().secureCookies);
  return cart;
}

/** In pages: the visitor's cart if there is one (a guest without a cart has none yet). */
export async function currentCart(session: RequestSession): Promise<Cart | undefined> {
  if (session.viewer) return session.api.getMyCart();
  if (!session.guestCartId) return undefined;
  try {
    return await session.api.getCart(session.guestCartId);
  } catch (error) {
    if (hasCode(error, 'ORDERS.CART_NOT_FOUND', 'ORDERS.CART_EXPIRED')) return undefined;
    throw error;
  }
}

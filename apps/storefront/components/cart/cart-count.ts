import type { RequestSession } from '@/lib/shop-api/server';
import { currentCart } from './cart-id';

/** Items in the visitor's cart for the header; 0 when the cart cannot be read. */
export async function cartCountOf(session: RequestSession): Promise<number> {
  try {
    return (await currentCart(session))?.totals.itemCount ?? 0;
  } catch (error) {
    console.warn('cart unavailable for the header', error);
    return 0;
  }
}

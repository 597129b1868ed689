'use server';

import { redirect } from 'next/navigation';
import { ShopApiError } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import { cartForUpdate } from './cart-id';

const quantityOf = (form: FormData, fallback: number) => {
  const value = Number(form.get('quantity') ?? fallback);
  return Number.isInteger(value) ? Math.min(Math.max(value, 0), 99) : fallback;
};

/** Shows the cart again with a message the page understands (`?error=<code>`): works without JavaScript. */
function failed(error: unknown, path: string): never {
  if (!(error instanceof ShopApiError)) throw error;
  console.warn('cart change refused', error.code, error.message);
  redirect(`${path}${path.includes('?') ? '&' : '?'}error=${encodeURIComponent(error.code)}`);
}

export async function addToCart(productId: string, form: FormData): Promise<void> {
  const session = await getSession();
  try {
    const cart = await cartForUpdate(session);
    await session.api.addToCart(cart, productId, Math.max(1, quantityOf(form, 1)));
  } catch (error) {
    failed(error, `/products/${encodeURIComponent(productId)}`);
  }
  redirect(`/cart?added=${encodeURIComponent(productId)}`);
}

export async function setQuantity(productId: string, form: FormData): Promise<void> {
  const session = await getSession();
  try {
    const cart = await cartForUpdate(session);
    await session.api.setLineQuantity(cart, productId, quantityOf(form, 1));
  } catch (error) {
    failed(error, '/cart');
  }
  redirect('/cart');
}

export async function removeFromCart(productId: string): Promise<void> {
  const session = await getSession();
  try {
    const cart = await cartForUpdate(session);
    await session.api.removeLine(cart, productId);
  } catch (error) {
    failed(error, '/cart');
  }
  redirect('/cart');
}

'use server';

import { redirect } from 'next/navigation';
import { readAddress } from '@/lib/checkout/address-form';
import { acceptedBrands, detectCardBrand, readCard } from '@/lib/checkout/cards';
import { getFlags } from '@/lib/flags';
import { messageFor } from '@/lib/messages';
import { ShopApiError } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import type { Address } from '@/lib/shop-api/types';
import type { CheckoutState } from './checkout-state';

const KEY = /^[0-9a-f-]{36}$/;

/** A refusal; the next attempt gets a new key, since the sandbox refuses a key reused with another card. */
const retry = (code: string, message: string, fields?: Record<string, string>): CheckoutState => ({
  ok: false,
  code,
  message,
  ...(fields && { fields }),
  idempotencyKey: crypto.randomUUID(),
});

type Addresses = { ok: true; shipping: Address; billing?: Address } | { ok: false; fields: Record<string, string> };

function readAddresses(form: FormData): Addresses {
  const shipping = readAddress(form, 'shipping');
  const billing = form.get('billingSame') === 'on' ? undefined : readAddress(form, 'billing');
  const fields = { ...(!shipping.ok && shipping.fields), ...(billing && !billing.ok && billing.fields) };
  if (!shipping.ok || (billing && !billing.ok)) return { ok: false, fields };
  return { ok: true, shipping: shipping.address, ...(billing?.ok && { billing: billing.address }) };
}

/**
 * Tokenizes the card with the payment sandbox (the number goes no further), then starts the checkout with
 * the form's idempotency key: a double submit or a retry answers the same order.
 */
export async function placeOrder(_previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const key = String(form.get('idempotencyKey') ?? '');
  const { api, viewer } = await getSession();
  if (!viewer) redirect('/sign-in?next=/checkout');
  if (!KEY.test(key)) return retry('FORM.INVALID', 'Please submit the form again.');
  const addresses = readAddresses(form);
  if (!addresses.ok) return retry('FORM.INVALID', 'Please check the highlighted fields.', addresses.fields);
  const card = readCard(form, new Date());
  if (!card.ok) return retry('FORM.INVALID', card.message, { [card.field]: card.message });
  const brand = detectCardBrand(card.card.number);
  const flags = await getFlags();
  if (!brand || !acceptedBrands(flags['amex-payments'].enabled).includes(brand)) {
    return retry('ORDERS.PAYMENT_METHOD_NOT_ALLOWED', messageFor('ORDERS.PAYMENT_METHOD_NOT_ALLOWED'), { cardNumber: 'Use Visa or Mastercard' });
  }
  let orderId: string;
  try {
    const cart = await api.getMyCart();
    const token = await api.tokenizeCard(card.card, `tok-${key}`);
    ({ orderId } = await api.startCheckout({
      cartId: cart.id,
      email: viewer.email,
      shippingAddress: addresses.shipping,
      ...(addresses.billing && { billingAddress: addresses.billing }),
      paymentToken: token.id,
      idempotencyKey: key,
    }));
  } catch (error) {
    if (!(error instanceof ShopApiError)) throw error;
    console.warn('checkout refused', error.code, error.message);
    // A declined card is not a refusal here: the order is placed and then cancelled, shown on its page.
    return retry(error.code, messageFor(error.code));
  }
  redirect(`/orders/${encodeURIComponent(orderId)}`);
}

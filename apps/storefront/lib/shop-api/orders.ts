import type { ApiContext } from './context';
import { hasCode } from './errors';
import { CardToken, CheckoutAccepted, Invoice, Order, OrderPage, Profile, type Card, type CheckoutInput } from './types';

const enc = encodeURIComponent;

/** Checkout, orders, invoices and the profile: all the caller's own, so all need the ID token. */
export function ordersApi(ctx: ApiContext) {
  const { checkoutApiUrl, paymentsUrl, paymentsApiKey } = ctx.settings;
  return {
    /** Hands the card to the payment sandbox and keeps only its token: the shop's backend never sees the number. */
    tokenizeCard: (card: Card, idempotencyKey: string) =>
      ctx.call(`${paymentsUrl}/v1/tokens`, CardToken, {
        method: 'POST',
        body: { card },
        headers: { 'x-api-key': paymentsApiKey, 'idempotency-key': idempotencyKey },
      }),
    startCheckout: (input: CheckoutInput) =>
      ctx.call(`${checkoutApiUrl}checkout`, CheckoutAccepted, {
        method: 'POST',
        auth: true,
        headers: { 'idempotency-key': input.idempotencyKey },
        body: {
          cartId: input.cartId,
          email: input.email,
          shippingAddress: input.shippingAddress,
          ...(input.billingAddress && { billingAddress: input.billingAddress }),
          payment: { token: input.paymentToken },
        },
      }),
    getOrder: (orderId: string) => ctx.get(`/orders/${enc(orderId)}`, Order, { auth: true }),
    listOrders: (page: { cursor?: string; limit?: number } = {}) => {
      const params = new URLSearchParams();
      if (page.cursor) params.set('cursor', page.cursor);
      if (page.limit) params.set('limit', String(page.limit));
      return ctx.get(`/orders${params.size > 0 ? `?${params}` : ''}`, OrderPage, { auth: true });
    },
    /** The order's invoice and its PDF link, or undefined while it is not issued yet. */
    async getInvoice(orderId: string): Promise<Invoice | undefined> {
      try {
        return await ctx.get(`/orders/${enc(orderId)}/invoice`, Invoice, { auth: true });
      } catch (error) {
        if (hasCode(error, 'INVOICES.NOT_FOUND')) return undefined;
        throw error;
      }
    },
    getMe: () => ctx.get('/me', Profile, { auth: true }),
    updateMe: (profile: Profile) => ctx.send('PUT', '/me', Profile, profile, { auth: true }),
  };
}

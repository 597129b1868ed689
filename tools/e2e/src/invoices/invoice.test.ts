import { describe, expect, it } from 'vitest';
import { CHECKOUT_BUDGET_MS, finalOrder, getOrder, TEST_CARDS } from '../harness/checkout';
import { useCheckout } from '../harness/checkout-session';
import { eventually } from '../harness/poll';
import { useSession } from '../harness/session';
import { callApi } from '../harness/shop-api';

const session = useSession();
const checkout = useCheckout(session);
const { target } = session;

interface InvoiceAnswer {
  readonly invoice: {
    readonly number: string;
    readonly orderId: string;
    readonly totals: { readonly total: { readonly amount: number } };
    readonly lines: readonly unknown[];
  };
  readonly pdf: { readonly url: string };
}

describe('a confirmed order is invoiced from its events alone', () => {
  it('issues a numbered invoice with a PDF, and the order shows its number', async () => {
    const product = await session.aProduct({ stock: 5 });
    const { response, shopper } = await checkout.checkOut(TEST_CARDS.approves, [[product, 2]]);
    const orderId = response.body.orderId;
    const order = await finalOrder(target, shopper.user.idToken, orderId);

    const answer = await eventually(
      () => callApi<InvoiceAnswer>(target, `/orders/${orderId}/invoice`, { token: shopper.user.idToken }),
      (invoice) => invoice.status === 200,
      { what: `the invoice of ${orderId}`, timeoutMs: CHECKOUT_BUDGET_MS },
    );
    const pdf = await fetch(answer.body.pdf.url);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const invoiced = await eventually(
      () => getOrder(target, shopper.user.idToken, orderId),
      (read) => (read.body as { invoice?: unknown }).invoice !== undefined,
      { what: 'the order to show its invoice', timeoutMs: CHECKOUT_BUDGET_MS },
    );

    expect(order.status).toBe('CONFIRMED');
    expect(answer.body.invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(answer.body.invoice.orderId).toBe(orderId);
    expect(answer.body.invoice.lines).toHaveLength(1);
    expect(answer.body.invoice.totals.total.amount).toBe(order.totals.total.amount);
    expect(pdf.status).toBe(200);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((invoiced.body as { invoice?: { number: string } }).invoice?.number).toBe(answer.body.invoice.number);
  });

  it('answers 404 INVOICES.NOT_FOUND for an order that was never invoiced (cancelled)', async () => {
    const product = await session.aProduct({ stock: 5 });
    const { response, shopper } = await checkout.checkOut(TEST_CARDS.declines, [[product, 1]]);
    await finalOrder(target, shopper.user.idToken, response.body.orderId);

    const answer = await callApi<{ error: { code: string } }>(target, `/orders/${response.body.orderId}/invoice`, {
      token: shopper.user.idToken,
    });

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('INVOICES.NOT_FOUND');
  });
});

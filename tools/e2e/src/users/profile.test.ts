import { describe, expect, it } from 'vitest';
import { type BusEvent, BusObserver } from '../harness/bus-observer';
import { CHECKOUT_BUDGET_MS, finalOrder, getOrder, TEST_CARDS } from '../harness/checkout';
import { useCheckout } from '../harness/checkout-session';
import { eventually } from '../harness/poll';
import { useSession } from '../harness/session';
import { callApi } from '../harness/shop-api';

const session = useSession();
const checkout = useCheckout(session);
const { target } = session;

interface Profile {
  readonly id: string;
  readonly email: string;
  readonly name?: string;
  readonly marketingConsent: boolean;
  readonly revision: number;
}

const nameOnConfirmation = (event: BusEvent) => (event.detail.data.customer as { name: string }).name;

describe('profiles: the users service owns them, the others keep what they need', () => {
  it('makes the profile at sign-up and saves a change as its next revision', async () => {
    const { user } = await checkout.aShopper();

    const created = await callApi<Profile>(target, '/me', { token: user.idToken });
    const changed = await callApi<Profile>(target, '/me', {
      method: 'PUT',
      token: user.idToken,
      body: { name: 'Grace Hopper', marketingConsent: true },
    });
    const read = await callApi<Profile>(target, '/me', { token: user.idToken });

    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ email: user.email, marketingConsent: false, revision: 1 });
    expect(changed.status).toBe(200);
    expect(read.body).toMatchObject({ email: user.email, name: 'Grace Hopper', marketingConsent: true, revision: 2 });
  });

  it('refuses a profile change that breaks the schema with 400 REQUEST.INVALID and changes nothing', async () => {
    const { user } = await checkout.aShopper();
    const before = await callApi<Profile>(target, '/me', { token: user.idToken });

    const refused = await callApi<{ error: { code: string } }>(target, '/me', {
      method: 'PUT',
      token: user.idToken,
      body: { name: '', marketingConsent: 'yes' },
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('REQUEST.INVALID');
    expect((await callApi<Profile>(target, '/me', { token: user.idToken })).body).toEqual(before.body);
  });

  it(
    "puts the profile's new name on the orders the customer confirms next (orders' copy, kept by events)",
    { timeout: 3 * CHECKOUT_BUDGET_MS },
    async () => {
      const product = await session.aProduct({ stock: 20 });
      const observer = await BusObserver.start(session.clients, target, {
        source: ['shop.orders'],
        'detail-type': ['Order.OrderConfirmed'],
      });
      try {
        const shopper = await checkout.aShopper([[product, 1]]);
        await callApi(target, '/me', {
          method: 'PUT',
          token: shopper.user.idToken,
          body: { name: 'Grace Hopper', marketingConsent: false },
        });

        // Orders' copy follows User.UserUpdated eventually: check out until a confirmation carries the new name.
        const named = await eventually(
          async () => {
            const attempt = await checkout.checkOutAs(shopper, TEST_CARDS.approves);
            await finalOrder(target, shopper.user.idToken, attempt.response.body.orderId);
            const [confirmed] = await observer.waitFor(
              (event) =>
                event.detail.data.order !== undefined &&
                (event.detail.data.order as { id: string }).id === attempt.response.body.orderId,
              1,
              CHECKOUT_BUDGET_MS,
            );
            return confirmed;
          },
          (confirmed) => confirmed !== undefined && nameOnConfirmation(confirmed) === 'Grace Hopper',
          {
            what: "an OrderConfirmed with the profile's new name",
            timeoutMs: 2 * CHECKOUT_BUDGET_MS,
            intervalMs: 1000,
          },
        );

        expect(named && nameOnConfirmation(named)).toBe('Grace Hopper');
      } finally {
        await observer.stop();
      }
    },
  );

  it("erases a deleted customer's personal data from their orders, keeping the country", async () => {
    const product = await session.aProduct({ stock: 5 });
    const { response, shopper } = await checkout.checkOut(TEST_CARDS.approves, [[product, 1]]);
    const orderId = response.body.orderId;
    await finalOrder(target, shopper.user.idToken, orderId);

    const deleted = await callApi(target, '/me', { method: 'DELETE', token: shopper.user.idToken });
    // The ID token stays valid until it expires: the order page still answers, without the personal data.
    const order = await eventually(
      () => getOrder(target, shopper.user.idToken, orderId),
      (answer) => answer.status === 200 && answer.body.shippingAddress.line1 === '[deleted]',
      { what: 'the order anonymised', timeoutMs: CHECKOUT_BUDGET_MS },
    );

    expect(deleted.status).toBe(204);
    expect(order.body.shippingAddress).toMatchObject({ name: 'Deleted customer', line1: '[deleted]', country: 'GB' });
    expect(order.body.billingAddress).toMatchObject({ name: 'Deleted customer', line1: '[deleted]', country: 'GB' });
    expect(JSON.stringify(order.body)).not.toMatch(/Ada Lovelace|St James/);
    expect(order.body.totals.total.amount).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { authorize } from '../domain/authorization';
import { AuthorizationNotFoundError, InvalidStateError } from '../domain/errors';
import { InMemoryAuthorizations } from '../test-support/in-memory';
import { makeCapturePayment } from './capture-payment';
import { makeGetAuthorization } from './get-authorization';
import { makeRefundPayment } from './refund-payment';
import { makeVoidPayment } from './void-payment';

const NOW = new Date('2026-05-01T10:00:00Z');
const gbp = (amount: number) => ({ amount, currency: 'GBP' });

async function anAuthorizedPayment() {
  const authorizations = new InMemoryAuthorizations();
  const deps = { authorizations, clock: () => NOW };
  await authorizations.create(
    authorize({ id: 'auth_1', amount: gbp(5000), card: { brand: 'visa', last4: '4242' }, reference: 'ord_1' }, NOW),
  );
  return {
    authorizations,
    capturePayment: makeCapturePayment(deps),
    voidPayment: makeVoidPayment(deps),
    refundPayment: makeRefundPayment(deps),
    getAuthorization: makeGetAuthorization(deps),
  };
}

describe('capture, void and refund', () => {
  it('captures, then refunds, saving each step', async () => {
    const { capturePayment, refundPayment, getAuthorization } = await anAuthorizedPayment();

    await capturePayment({ id: 'auth_1', amount: gbp(4000) });
    await refundPayment({ id: 'auth_1', amount: gbp(1000) });

    expect(await getAuthorization({ id: 'auth_1' })).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      capturedAmount: 4000,
      refundedAmount: 1000,
    });
  });

  it('voids, and then refuses a capture', async () => {
    const { voidPayment, capturePayment } = await anAuthorizedPayment();

    await voidPayment({ id: 'auth_1' });

    await expect(capturePayment({ id: 'auth_1' })).rejects.toThrow(InvalidStateError);
  });

  it.each(['capturePayment', 'voidPayment', 'refundPayment', 'getAuthorization'] as const)(
    '%s answers not found for an unknown id',
    async (useCase) => {
      const payment = await anAuthorizedPayment();

      await expect(payment[useCase]({ id: 'auth_unknown' })).rejects.toThrow(AuthorizationNotFoundError);
    },
  );
});

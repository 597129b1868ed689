import { idempotencyKeyOf } from '../http/idempotency-key';
import { changedResponse } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { AmountBody, AuthorizationPath } from '../http/schemas';
import { makeRefundPayment } from '../use-cases/refund-payment';
import { apiKey, authorizations, clock, requestMemory } from './dependencies';

const refundPayment = makeRefundPayment({ authorizations, clock });

/** `POST /v1/authorizations/{id}/refund`, optionally for part of what is left. */
export const handler = makePaymentsRoute(
  { apiKey, request: { path: AuthorizationPath, body: AmountBody }, requiresIdempotencyKey: true },
  async ({ path, body, event }, context) => {
    const request = { route: 'refund', id: path.id, body };
    return requestMemory({ key: idempotencyKeyOf(event), request }, context, async () =>
      changedResponse('refunded', await refundPayment({ id: path.id, amount: body.amount })),
    );
  },
);

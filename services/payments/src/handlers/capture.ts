import { idempotencyKeyOf } from '../http/idempotency-key';
import { changedResponse } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { AmountBody, AuthorizationPath } from '../http/schemas';
import { makeCapturePayment } from '../use-cases/capture-payment';
import { apiKey, authorizations, clock, requestMemory } from './dependencies';

const capturePayment = makeCapturePayment({ authorizations, clock });

/** `POST /v1/authorizations/{id}/capture`, optionally for part of the amount. */
export const handler = makePaymentsRoute(
  { apiKey, request: { path: AuthorizationPath, body: AmountBody }, requiresIdempotencyKey: true },
  async ({ path, body, event }, context) => {
    const request = { route: 'capture', id: path.id, body };
    return requestMemory({ key: idempotencyKeyOf(event), request }, context, async () =>
      changedResponse('captured', await capturePayment({ id: path.id, amount: body.amount })),
    );
  },
);

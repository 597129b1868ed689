import { idempotencyKeyOf } from '../http/idempotency-key';
import { changedResponse } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { AuthorizationPath } from '../http/schemas';
import { makeVoidPayment } from '../use-cases/void-payment';
import { apiKey, authorizations, clock, requestMemory } from './dependencies';

const voidPayment = makeVoidPayment({ authorizations, clock });

/** `POST /v1/authorizations/{id}/void`: releases an authorization that was not captured. */
export const handler = makePaymentsRoute(
  { apiKey, request: { path: AuthorizationPath }, requiresIdempotencyKey: true },
  async ({ path, event }, context) => {
    const request = { route: 'void', id: path.id };
    return requestMemory({ key: idempotencyKeyOf(event), request }, context, async () =>
      changedResponse('voided', await voidPayment({ id: path.id })),
    );
  },
);

import { cardFingerprint } from '../http/fingerprint';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { authorizeResponse } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { AuthorizeBody } from '../http/schemas';
import { makeAuthorizePayment, type PaymentSource } from '../use-cases/authorize-payment';
import {
  apiKey,
  attempts,
  authorizations,
  clock,
  newAuthorizationId,
  requestMemory,
  tokens,
  waitPastCallerTimeout,
} from './dependencies';

const authorizePayment = makeAuthorizePayment({
  authorizations,
  tokens,
  attempts,
  clock,
  newAuthorizationId,
  waitPastCallerTimeout,
});

function sourceOf({ card, token }: AuthorizeBody): PaymentSource {
  if (card !== undefined) return { kind: 'card', card };
  if (token !== undefined) return { kind: 'token', tokenId: token };
  throw new TypeError('AuthorizeBody lets no request through without a card or a token');
}

/**
 * `POST /v1/authorizations` with a token or card details: 201 authorized, 402 declined (both remembered per
 * key), 404 / 409 for a token that cannot be used, 503 / 504 not remembered.
 */
export const handler = makePaymentsRoute(
  { apiKey, request: { body: AuthorizeBody }, requiresIdempotencyKey: true },
  async ({ body, event }, context) => {
    const idempotencyKey = idempotencyKeyOf(event);
    // The card enters the fingerprint only as a keyed hash: the idempotency table never holds card data.
    const card = body.card === undefined ? undefined : cardFingerprint(body.card, await apiKey.current());
    const request = { route: 'authorize', body: { ...body, card } };
    return requestMemory({ key: idempotencyKey, request }, context, async () =>
      authorizeResponse(
        await authorizePayment({
          amount: body.amount,
          reference: body.reference,
          source: sourceOf(body),
          idempotencyKey,
        }),
      ),
    );
  },
);

import { cardFingerprint } from '../http/fingerprint';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { tokenizedResponse } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { TokenizeBody } from '../http/schemas';
import { makeTokenizeCard } from '../use-cases/tokenize-card';
import { apiKey, clock, newTokenId, requestMemory, tokens } from './dependencies';

const tokenizeCard = makeTokenizeCard({ tokens, clock, newTokenId });

/** `POST /v1/tokens`: 201 with a token for the card (remembered per key, so a retry gets the same token). */
export const handler = makePaymentsRoute(
  { apiKey, request: { body: TokenizeBody }, requiresIdempotencyKey: true },
  async ({ body, event }, context) => {
    // As for authorizations, the card enters the idempotency fingerprint only as a keyed hash.
    const request = { route: 'tokenize', card: cardFingerprint(body.card, await apiKey.current()) };
    return requestMemory({ key: idempotencyKeyOf(event), request }, context, async () =>
      tokenizedResponse(await tokenizeCard(body.card)),
    );
  },
);

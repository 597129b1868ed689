import { ok } from '@shop/lambda-kit';
import { tokenStatusBody } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { TokenPath } from '../http/schemas';
import { makeGetToken } from '../use-cases/get-token';
import { apiKey, clock, tokens } from './dependencies';

const getToken = makeGetToken({ tokens, clock });

/** `GET /v1/tokens/{id}`: the card's brand, last four digits and expiry, and whether it was used. */
export const handler = makePaymentsRoute(
  { apiKey, request: { path: TokenPath }, requiresIdempotencyKey: false },
  async ({ path }) => ok(tokenStatusBody(await getToken({ id: path.id }))),
);

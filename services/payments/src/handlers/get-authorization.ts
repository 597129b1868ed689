import { ok } from '@shop/lambda-kit';
import { authorizationBody } from '../http/representation';
import { makePaymentsRoute } from '../http/route';
import { AuthorizationPath } from '../http/schemas';
import { makeGetAuthorization } from '../use-cases/get-authorization';
import { apiKey, authorizations } from './dependencies';

const getAuthorization = makeGetAuthorization({ authorizations });

/** `GET /v1/authorizations/{id}`. */
export const handler = makePaymentsRoute(
  { apiKey, request: { path: AuthorizationPath }, requiresIdempotencyKey: false },
  async ({ path }) => ok(authorizationBody(await getAuthorization({ id: path.id }))),
);

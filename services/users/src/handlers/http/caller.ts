import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { UnauthenticatedError } from '../../domain/errors';
import type { Profile } from '../../domain/profile';
import type { Caller } from '../../use-cases/ensure-profile';

const claimText = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The caller of a /me route, from the claims the API's JWT authorizer verified: `sub` is the user id; an ID
 * token also carries `email` (and `name` if the user gave one), from which a missing profile is made.
 *
 * @throws UnauthenticatedError without a `sub` (a route that lost its authorizer must not serve anyone).
 */
export function callerOf(event: APIGatewayProxyEventV2): Caller {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt?.claims;
  const id = claimText(claims?.['sub']);
  if (id === undefined) throw new UnauthenticatedError();
  const email = claimText(claims?.['email']);
  const name = claimText(claims?.['name']);
  return { id, ...(email !== undefined && { email }), ...(name !== undefined && { name }) };
}

/** The profile as `GET /me` and `PUT /me` answer it: without the bookkeeping of what was announced. */
export function profileView(profile: Profile) {
  const { announcedRevision: _announced, ...view } = profile;
  return view;
}

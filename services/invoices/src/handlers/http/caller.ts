import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Caller } from '../../use-cases/get-invoice';

export const ADMIN_GROUP = 'admin';

/**
 * The Cognito groups in a JWT's `cognito:groups` claim. HTTP APIs flatten an array claim to a string
 * ("[admin ops]"), a single group may arrive bare ("admin"), and a JSON array is taken as it is.
 */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((group) => group.replace(/^"|"$/g, ''))
    .filter((group) => group.length > 0);
}

/**
 * Who is asking, from the claims the API's JWT authorizer verified. No claims (a route deployed without the
 * authorizer) is nobody: an empty id that matches no customer, never an admin.
 */
export function callerOf(event: APIGatewayProxyEventV2): Caller {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer
    ?.jwt?.claims;
  const sub = claims?.sub;
  return {
    customerId: typeof sub === 'string' ? sub : '',
    isAdmin: groupsOf(claims?.['cognito:groups']).includes(ADMIN_GROUP),
  };
}

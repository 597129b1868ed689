import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors';

export const ADMIN_GROUP = 'admin';

/**
 * The Cognito groups in a JWT's `cognito:groups` claim. HTTP APIs flatten an array claim to a string
 * ("[admin ops]"), a single group may arrive bare ("admin"), and a JSON array is taken as it is.
 *
 * @example
 * groupsOf('[admin ops]'); // ['admin', 'ops']
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

type Claims = Record<string, unknown> | undefined;

/** @throws UnauthenticatedError without claims, ForbiddenError when the caller is not in the admin group. */
export function assertAdmin(event: unknown): void {
  const claims: Claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt
    ?.claims;
  if (claims === undefined || Object.keys(claims).length === 0) throw new UnauthenticatedError();
  if (!groupsOf(claims['cognito:groups']).includes(ADMIN_GROUP)) throw new ForbiddenError();
}

/**
 * middy middleware for admin routes: checks the caller before the request is parsed, so a non-admin learns
 * nothing about what a valid body looks like. The JWT itself was verified by the API's authorizer.
 */
export function adminOnly(): middy.MiddlewareObj {
  return { before: (request) => assertAdmin(request.event) };
}

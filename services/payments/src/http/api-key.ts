import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnauthenticatedError } from '../domain/errors';
import type { ApiKeySource } from '../ports';
import { API_KEY_HEADER } from './protocol';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `presented` is the key. Constant time: both sides are hashed to 32 bytes first, so neither the
 * comparison nor its length check tells a caller how much of a guess was right.
 */
export function isApiKey(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** middy middleware: refuses (401) a request without the right `x-api-key`, before anything else reads it. */
export function requireApiKey(apiKey: ApiKeySource): middy.MiddlewareObj<unknown> {
  return {
    before: async (request) => {
      const event = request.event as APIGatewayProxyEventV2;
      if (!isApiKey(event.headers?.[API_KEY_HEADER], await apiKey.current())) throw new UnauthenticatedError();
    },
  };
}

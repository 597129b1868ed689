import type { JWTPayload } from 'jose';

/**
 * Whether the token is meant for this API: its `aud` (or, only when it has no `aud`, its `client_id`, as
 * Cognito access tokens carry) must be one of the authorizer's audiences.
 * @internal
 */
export function audienceMatches(payload: JWTPayload, audience: readonly string[]): boolean {
  if (audience.length === 0) return true;
  const aud = payload.aud ?? (typeof payload.client_id === 'string' ? payload.client_id : undefined);
  const values = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
  return values.some((value) => audience.includes(value));
}

/**
 * The token's scopes, from `scope` (space-separated) or `scp` (a string or a list).
 * @internal
 */
export function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

/**
 * The claims as API Gateway passes them to the integration: every value a string, numbers and booleans
 * as text, lists as `[a b]` (as `cognito:groups` arrives), objects as JSON.
 * @internal
 */
export function flattenClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, claimText(value)]));
}

function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimText).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

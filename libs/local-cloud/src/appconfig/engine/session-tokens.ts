import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badParameter } from '../errors';

/** What a configuration token carries: the session's target and what its holder last received. */
export interface SessionState {
  readonly applicationId: string;
  readonly environmentId: string;
  readonly profileId: string;
  readonly pollIntervalSeconds: number;
  /** The deployment the holder last received; undefined before the first GetLatestConfiguration. */
  readonly seenDeployment?: number;
  readonly expiresAt: number;
}

/** AppConfig's tokens are valid for 24 hours. */
const TOKEN_LIFETIME_MS = 24 * 3_600_000;

/**
 * Configuration tokens as AppConfig Data hands them out: opaque, self-contained and signed, so each one
 * answers relative to what its holder last received (an empty body when nothing changed since).
 *
 * @example
 * const token = tokens.seal({ applicationId, environmentId, profileId, pollIntervalSeconds: 60 });
 * tokens.open(token).profileId === profileId; // true
 */
export class SessionTokens {
  private readonly key = randomBytes(32);

  seal(state: Omit<SessionState, 'expiresAt'>): string {
    const payload = Buffer.from(JSON.stringify({ ...state, expiresAt: Date.now() + TOKEN_LIFETIME_MS })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The token's state, or BadRequestException: Corrupted for a token this instance did not issue, Expired after 24 hours. */
  open(token: string): SessionState {
    const [payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw badParameter('ConfigurationToken', 'Corrupted', 'The configuration token is not valid');
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionState;
    if (state.expiresAt < Date.now()) throw badParameter('ConfigurationToken', 'Expired', 'The configuration token has expired');
    return state;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

import { randomBytes, randomUUID } from 'node:crypto';

/** One sign-in: what its refresh token renews, and what GlobalSignOut or RevokeToken ends. */
export interface AuthSession {
  /** Shared by every token of the sign-in (the `origin_jti` claim). */
  readonly originJti: string;
  readonly username: string;
  readonly clientId: string;
  /** Epoch seconds of the sign-in (the `auth_time` claim, kept across refreshes). */
  readonly authTime: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: number;
  revoked: boolean;
}

/** A pending challenge (NEW_PASSWORD_REQUIRED) between InitiateAuth and RespondToAuthChallenge. */
export interface ChallengeSession {
  readonly challengeName: string;
  readonly username: string;
  readonly clientId: string;
  readonly expiresAt: number;
}

/** Cognito's challenge sessions last three minutes. */
const CHALLENGE_SECONDS = 180;

/**
 * The sign-ins and pending challenges of one pool, in memory.
 *
 * @example
 * const session = sessions.start({ username: 'ana', clientId, refreshValiditySeconds: 2_592_000 });
 * sessions.byRefreshToken(session.refreshToken) === session; // true
 */
export class SessionStore {
  private readonly byOrigin = new Map<string, AuthSession>();
  private readonly byRefresh = new Map<string, AuthSession>();
  private readonly challenges = new Map<string, ChallengeSession>();

  start(input: { username: string; clientId: string; refreshValiditySeconds: number }): AuthSession {
    const now = nowSeconds();
    // Cognito's refresh tokens are opaque (encrypted) to clients: a random string is as opaque.
    const refreshToken = `${randomBytes(24).toString('base64url')}.${randomBytes(96).toString('base64url')}`;
    const session: AuthSession = {
      originJti: randomUUID(),
      username: input.username,
      clientId: input.clientId,
      authTime: now,
      refreshToken,
      refreshExpiresAt: now + input.refreshValiditySeconds,
      revoked: false,
    };
    this.byOrigin.set(session.originJti, session);
    this.byRefresh.set(refreshToken, session);
    return session;
  }

  byRefreshToken(token: string): AuthSession | undefined {
    return this.byRefresh.get(token);
  }

  isRevoked(originJti: string): boolean {
    return this.byOrigin.get(originJti)?.revoked ?? true;
  }

  /** GlobalSignOut: every token of every sign-in of the user stops working. */
  revokeUser(username: string): void {
    for (const session of this.byOrigin.values()) if (session.username === username) session.revoked = true;
  }

  startChallenge(challengeName: string, username: string, clientId: string): string {
    const token = randomBytes(96).toString('base64url');
    this.challenges.set(token, { challengeName, username, clientId, expiresAt: nowSeconds() + CHALLENGE_SECONDS });
    return token;
  }

  /** The pending challenge, consumed: a session answers one challenge only. */
  takeChallenge(token: string): ChallengeSession | undefined {
    const challenge = this.challenges.get(token);
    this.challenges.delete(token);
    return challenge && challenge.expiresAt > nowSeconds() ? challenge : undefined;
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

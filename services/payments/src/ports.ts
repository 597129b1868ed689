import type { Authorization } from './domain/authorization';
import type { CardToken } from './domain/card-token';

/** Where authorizations live. */
export interface AuthorizationRepository {
  /**
   * Stores a new authorization.
   * @example await authorizations.create(authorize(input, clock()));
   */
  create(authorization: Authorization): Promise<void>;
  /**
   * The authorization with this id, or undefined.
   * @example const authorization = await authorizations.find('auth_01J…');
   */
  find(id: string): Promise<Authorization | undefined>;
  /**
   * Replaces `previous` with `next`, only if nobody changed it since `previous` was read; else throws
   * `ConcurrentUpdateError`.
   * @example await authorizations.replace(authorization, capture(authorization, undefined, clock()));
   */
  replace(previous: Authorization, next: Authorization): Promise<void>;
}

/** Where card tokens live: the sandbox's vault. It holds no card number or CVC (see `VaultedCard`). */
export interface TokenVault {
  /**
   * Stores a new token.
   * @example await tokens.create(issueToken(newTokenId(), card, clock()));
   */
  create(token: CardToken): Promise<void>;
  /**
   * The token with this id, or undefined; an expired one may still be returned (judge it with `isTokenExpired`).
   * @example const token = await tokens.find('tok_01J…');
   */
  find(id: string): Promise<CardToken | undefined>;
  /**
   * Spends the token for the authorization request with this idempotency key, atomically, and returns it. The
   * same key may spend it again (a retry of that request); another key cannot. Throws `TokenNotFoundError` for
   * an unknown token or one expired at `now`, `TokenUsedError` when another request spent it.
   * @example const { card } = await tokens.spend('tok_01J…', idempotencyKey, clock());
   */
  spend(id: string, idempotencyKey: string, now: Date): Promise<CardToken>;
}

/** Remembers which idempotency keys the processor has already been asked about. */
export interface AttemptLog {
  /**
   * True the first time it is asked about `idempotencyKey`, false ever after (within the retention).
   * @example if (await attempts.isFirstAttempt(key)) throw new ProcessorUnavailableError();
   */
  isFirstAttempt(idempotencyKey: string): Promise<boolean>;
}

/** The API key callers must present. */
export interface ApiKeySource {
  /**
   * The current key (cached by the adapter; a rotation applies within its cache age).
   * @example const expected = await apiKey.current();
   */
  current(): Promise<string>;
}

import type { Authorization } from '../domain/authorization';
import { isTokenExpired, type CardToken } from '../domain/card-token';
import { ConcurrentUpdateError, TokenNotFoundError, TokenUsedError } from '../domain/errors';
import type { AttemptLog, AuthorizationRepository, TokenVault } from '../ports';

/** @internal An AuthorizationRepository in a Map, with the same compare-and-set rule as DynamoDB's. */
export class InMemoryAuthorizations implements AuthorizationRepository {
  readonly items = new Map<string, Authorization>();

  async create(authorization: Authorization): Promise<void> {
    if (this.items.has(authorization.id)) throw new Error(`Authorization ${authorization.id} exists`);
    this.items.set(authorization.id, authorization);
  }

  async find(id: string): Promise<Authorization | undefined> {
    return this.items.get(id);
  }

  async replace(previous: Authorization, next: Authorization): Promise<void> {
    if (this.items.get(previous.id) !== previous) throw new ConcurrentUpdateError(previous.id);
    this.items.set(next.id, next);
  }
}

/** @internal */
export class InMemoryAttemptLog implements AttemptLog {
  readonly seen = new Set<string>();

  async isFirstAttempt(idempotencyKey: string): Promise<boolean> {
    const first = !this.seen.has(idempotencyKey);
    this.seen.add(idempotencyKey);
    return first;
  }
}

/** @internal A TokenVault in a Map, spending a token for one idempotency key as the DynamoDB vault does. */
export class InMemoryTokenVault implements TokenVault {
  readonly items = new Map<string, CardToken>();
  readonly #spentBy = new Map<string, string>();

  async create(token: CardToken): Promise<void> {
    if (this.items.has(token.id)) throw new Error(`Token ${token.id} exists`);
    this.items.set(token.id, token);
  }

  async find(id: string): Promise<CardToken | undefined> {
    return this.items.get(id);
  }

  async spend(id: string, idempotencyKey: string, now: Date): Promise<CardToken> {
    const token = this.items.get(id);
    if (token === undefined || isTokenExpired(token, now)) throw new TokenNotFoundError(id);
    const spentBy = this.#spentBy.get(id);
    if (spentBy !== undefined && spentBy !== idempotencyKey) throw new TokenUsedError(id);
    const spent = { ...token, usedAt: token.usedAt ?? now.toISOString() };
    this.#spentBy.set(id, idempotencyKey);
    this.items.set(id, spent);
    return spent;
  }
}

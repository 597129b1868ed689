import type { Json } from '../../core/contracts';
import { DynamoDbApiError } from '../errors';

const WINDOW_MS = 10 * 60 * 1000;

interface TokenUse {
  readonly fingerprint: string;
  /** Set once the first request finished; the window runs from then, as AWS documents. */
  expiresAt?: number;
}

/**
 * TransactWriteItems' ClientRequestToken: within 10 minutes of the first successful use, the same request
 * succeeds again without writing anything, and a different request with the same token is refused.
 * A cancelled transaction wrote nothing, so its token is forgotten and the caller may retry with it.
 */
export class ClientTokens {
  readonly #uses = new Map<string, TokenUse>();

  constructor(private readonly now: () => number = Date.now) {}

  async run(
    token: unknown,
    fingerprint: string,
    work: () => Promise<Record<string, Json>>,
  ): Promise<Record<string, Json>> {
    if (typeof token !== 'string') return work();
    this.#forgetExpired();
    const use = this.#uses.get(token);
    if (use) return this.#repeat(use, fingerprint);
    const fresh: TokenUse = { fingerprint };
    this.#uses.set(token, fresh);
    try {
      const result = await work();
      fresh.expiresAt = this.now() + WINDOW_MS;
      return result;
    } catch (err) {
      this.#uses.delete(token);
      throw err;
    }
  }

  #repeat(use: TokenUse, fingerprint: string): Record<string, Json> {
    if (use.fingerprint !== fingerprint) {
      throw new DynamoDbApiError(
        'IdempotentParameterMismatchException',
        'The request uses the same client token as a previous, but non-identical request.',
      );
    }
    if (use.expiresAt === undefined) {
      throw new DynamoDbApiError(
        'TransactionInProgressException',
        'The transaction with the given request token is already in progress.',
      );
    }
    return {};
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [token, use] of this.#uses) if (use.expiresAt !== undefined && use.expiresAt <= now) this.#uses.delete(token);
  }
}

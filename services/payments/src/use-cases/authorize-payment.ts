import { authorize, type Authorization } from '../domain/authorization';
import type { CardDetails, CardSummary } from '../domain/card';
import { summaryOf, vaultCard, type VaultedCard } from '../domain/card-token';
import { ProcessorTimeoutError, ProcessorUnavailableError } from '../domain/errors';
import type { Money } from '../domain/money';
import { processorBehaviour, type DeclineCode } from '../domain/test-cards';
import type { AttemptLog, AuthorizationRepository, TokenVault } from '../ports';

/** What to charge: card details sent with the request, or a token standing for a card vaulted earlier. */
export type PaymentSource =
  /** Already checked (Luhn, brand, CVC): see `cardProblems`. */
  { readonly kind: 'card'; readonly card: CardDetails } | { readonly kind: 'token'; readonly tokenId: string };

export type AuthorizePaymentInput = {
  readonly amount: Money;
  readonly source: PaymentSource;
  readonly reference: string;
  readonly idempotencyKey: string;
};

/** Approved or declined: both are answers the caller acts on. Failures to answer are thrown. */
export type AuthorizePaymentResult =
  | { readonly outcome: 'AUTHORIZED'; readonly authorization: Authorization }
  | { readonly outcome: 'DECLINED'; readonly declineCode: DeclineCode; readonly card: CardSummary };

export type AuthorizePaymentDependencies = {
  readonly authorizations: AuthorizationRepository;
  readonly tokens: TokenVault;
  readonly attempts: AttemptLog;
  readonly clock: () => Date;
  readonly newAuthorizationId: () => string;
  /** Resolves once the caller has surely given up waiting (the timeout card). */
  readonly waitPastCallerTimeout: () => Promise<void>;
};

/**
 * The card to charge. A token is spent first, whatever the processor then answers, as processors do: only
 * this request (its idempotency key) may use it again, so its retries still work and nobody else's can.
 */
async function cardToCharge(input: AuthorizePaymentInput, deps: AuthorizePaymentDependencies): Promise<VaultedCard> {
  if (input.source.kind === 'card') return vaultCard(input.source.card);
  return (await deps.tokens.spend(input.source.tokenId, input.idempotencyKey, deps.clock())).card;
}

/**
 * Asks the simulated processor to authorize a card payment. Throws `TokenNotFoundError` / `TokenUsedError`
 * for a token that cannot be used, `ProcessorUnavailableError` on the first attempt of the transient card and
 * `ProcessorTimeoutError` after waiting on the timeout card; none of these stores an authorization.
 */
export const makeAuthorizePayment =
  (deps: AuthorizePaymentDependencies) =>
  async (input: AuthorizePaymentInput): Promise<AuthorizePaymentResult> => {
    const card = await cardToCharge(input, deps);
    const behaviour = processorBehaviour(card, deps.clock());
    if (behaviour.kind === 'decline') {
      return { outcome: 'DECLINED', declineCode: behaviour.declineCode, card: summaryOf(card) };
    }
    if (behaviour.kind === 'fail-transiently' && (await deps.attempts.isFirstAttempt(input.idempotencyKey))) {
      throw new ProcessorUnavailableError();
    }
    if (behaviour.kind === 'time-out') {
      await deps.waitPastCallerTimeout();
      throw new ProcessorTimeoutError();
    }
    const authorization = authorize(
      { id: deps.newAuthorizationId(), amount: input.amount, card: summaryOf(card), reference: input.reference },
      deps.clock(),
    );
    await deps.authorizations.create(authorization);
    return { outcome: 'AUTHORIZED', authorization };
  };

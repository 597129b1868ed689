import { randomUUID } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll } from 'vitest';
import type { Product } from './catalog';
import {
  type CheckoutAccepted,
  checkoutBody,
  customerCartId,
  paymentsApiKey,
  postCheckout,
  setCartLine,
  tokenizeCard,
} from './checkout';
import type { Session } from './session';
import type { ApiResponse } from './shop-api';
import { signUpUser, type TestUser } from './users';

/** A customer of their own, signed in, with a cart holding the lines asked for. */
export interface Shopper {
  readonly user: TestUser;
  readonly cartId: string;
}

/** A checkout as a customer makes it: the request sent and the API's answer. */
export interface CheckoutAttempt {
  readonly shopper: Shopper;
  readonly idempotencyKey: string;
  readonly body: ReturnType<typeof checkoutBody>;
  readonly response: ApiResponse<CheckoutAccepted>;
}

export interface CheckoutSession {
  /** A new customer (deleted after the file) whose cart holds `lines`: each product and its quantity. */
  aShopper(lines?: ReadonlyArray<readonly [Product, number]>): Promise<Shopper>;
  /** Tokenizes `card` with the sandbox, as the storefront's server does. */
  tokenize(card: string): Promise<string>;
  /** A new shopper with `lines` checks out with `card` under a new Idempotency-Key. */
  checkOut(card: string, lines: ReadonlyArray<readonly [Product, number]>): Promise<CheckoutAttempt>;
  /** This shopper checks out their cart as it is with `card` under a new Idempotency-Key. */
  checkOutAs(shopper: Shopper, card: string): Promise<CheckoutAttempt>;
}

/**
 * Registers the hooks for checkout tests on top of `useSession()`: the sandbox's API key read once, each
 * shopper signed up on demand and deleted after the file (one customer per checkout keeps carts apart).
 *
 * @example
 * const checkout = useCheckout(useSession());
 * const { response } = await checkout.checkOut(TEST_CARDS.approves, [[product, 1]]);
 */
export function useCheckout(session: Session): CheckoutSession {
  const users: TestUser[] = [];
  const state: { secrets?: SecretsManagerClient; apiKey?: string } = {};
  beforeAll(async () => {
    state.secrets = new SecretsManagerClient({});
    state.apiKey = await paymentsApiKey(session.target, state.secrets);
  });
  afterAll(async () => {
    await Promise.all(users.map((user) => user.delete()));
    state.secrets?.destroy();
  });

  const checkout: CheckoutSession = {
    async aShopper(lines = []) {
      const user = await signUpUser(session.clients.cognito, session.target);
      users.push(user);
      const cartId = await customerCartId(session.target, user.idToken);
      for (const [product, quantity] of lines)
        await setCartLine(session.target, { token: user.idToken }, product.id, quantity);
      return { user, cartId };
    },
    tokenize: (card) => tokenizeCard(session.target, state.apiKey ?? '', card),
    async checkOut(card, lines) {
      return checkout.checkOutAs(await checkout.aShopper(lines), card);
    },
    async checkOutAs(shopper, card) {
      const token = await checkout.tokenize(card);
      const body = checkoutBody(shopper.cartId, token);
      const idempotencyKey = randomUUID();
      const response = await postCheckout<CheckoutAccepted>(session.target, {
        token: shopper.user.idToken,
        idempotencyKey,
        body,
      });
      return { shopper, idempotencyKey, body, response };
    },
  };
  return checkout;
}

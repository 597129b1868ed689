import { afterAll, beforeAll } from 'vitest';
import { createProduct, discontinue, type Product } from './catalog';
import { makeClients, type ShopClients } from './clients';
import { shopTarget } from './shop-target';
import type { ShopTarget } from './target';
import { signUpUser, type TestUser } from './users';

/** What a test file works with: the target, SDK clients, an admin and a customer, and products it creates. */
export interface Session {
  readonly target: ShopTarget;
  readonly clients: ShopClients;
  readonly admin: TestUser;
  readonly customer: TestUser;
  /** Creates a product as the admin (stock 10 unless `overrides` says otherwise); discontinued after the file. */
  aProduct(overrides?: Record<string, unknown>): Promise<Product>;
  /** Discontinues, after the file, a product the test created itself. */
  track(productId: string): void;
}

/**
 * Registers the file's `beforeAll` (clients, a signed-in admin and customer) and `afterAll` (the products it
 * created discontinued, the users deleted, the clients closed). Read the fields inside tests and hooks only.
 *
 * @example
 * const session = useSession();
 * it('...', async () => { const product = await session.aProduct({ stock: 3 }); });
 */
export function useSession(): Session {
  const target = shopTarget();
  const created: string[] = [];
  const state: { clients?: ShopClients; admin?: TestUser; customer?: TestUser } = {};
  const session: Session = {
    target,
    get clients() {
      return required(state.clients, 'clients');
    },
    get admin() {
      return required(state.admin, 'admin');
    },
    get customer() {
      return required(state.customer, 'customer');
    },
    async aProduct(overrides = {}) {
      const product = await createProduct(target, session.admin.idToken, overrides);
      created.push(product.id);
      return product;
    },
    track(productId) {
      created.push(productId);
    },
  };
  beforeAll(async () => {
    state.clients = makeClients();
    const cognito = state.clients.cognito;
    [state.admin, state.customer] = await Promise.all([
      signUpUser(cognito, target, { admin: true }),
      signUpUser(cognito, target),
    ]);
  });
  afterAll(async () => {
    const { admin, customer, clients } = state;
    // One at a time: the shop may still be busy with the file's last events.
    if (admin) for (const id of created) await discontinue(target, admin.idToken, id);
    await Promise.all([admin?.delete(), customer?.delete()]);
    clients?.destroy();
  });
  return session;
}

/** A session field was read before the file's `beforeAll` ran (at module scope, or in a describe callback). */
export class SessionNotReadyError extends Error {
  override readonly name = 'SessionNotReadyError';
  readonly code = 'E2E.SESSION_NOT_READY';
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined)
    throw new SessionNotReadyError(`session.${field} is set in beforeAll: read it inside a test or hook`);
  return value;
}

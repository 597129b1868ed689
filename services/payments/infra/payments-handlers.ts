import { fileURLToPath } from 'node:url';
import type { PaymentsHandler } from './payments-routes';

/** The sandbox's tables, as its functions' grants name them. */
export type PaymentsTable = 'authorizations' | 'tokens' | 'idempotency';

// Powertools idempotency reads, locks, stores and deletes its records; the attempt log puts markers.
const IDEMPOTENCY = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
// Authorizations are created and replaced whole (PutItem with a condition), never updated in place or deleted.
const READ_AND_REPLACE = ['dynamodb:GetItem', 'dynamodb:PutItem'];

/**
 * @internal The table actions each handler uses, and no more. Tokens are created whole, then spent by one
 * conditional UpdateItem (and read back, when it fails, to say why).
 */
export const TABLE_ACCESS: Record<PaymentsHandler, Partial<Record<PaymentsTable, string[]>>> = {
  tokenize: { tokens: ['dynamodb:PutItem'], idempotency: IDEMPOTENCY },
  getToken: { tokens: ['dynamodb:GetItem'] },
  authorize: {
    authorizations: ['dynamodb:PutItem'],
    tokens: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    idempotency: IDEMPOTENCY,
  },
  capture: { authorizations: READ_AND_REPLACE, idempotency: IDEMPOTENCY },
  void: { authorizations: READ_AND_REPLACE, idempotency: IDEMPOTENCY },
  refund: { authorizations: READ_AND_REPLACE, idempotency: IDEMPOTENCY },
  getAuthorization: { authorizations: ['dynamodb:GetItem'] },
};

const ENTRIES: Record<PaymentsHandler, string> = {
  tokenize: 'tokenize.ts',
  getToken: 'get-token.ts',
  authorize: 'authorize.ts',
  capture: 'capture.ts',
  void: 'void.ts',
  refund: 'refund.ts',
  getAuthorization: 'get-authorization.ts',
};

/** @internal The path of a handler's source file, for its function's bundling. */
export function handlerEntry(handler: PaymentsHandler): string {
  return fileURLToPath(new URL(`../src/handlers/${ENTRIES[handler]}`, import.meta.url));
}

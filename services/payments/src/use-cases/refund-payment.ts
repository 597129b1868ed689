import { refund, type Authorization } from '../domain/authorization';
import type { AuthorizationRepository } from '../ports';
import { changeAuthorization, type AmountChangeInput } from './change-authorization';

/** Refunds a captured authorization, in full or in part. */
export const makeRefundPayment =
  ({ authorizations, clock }: { authorizations: AuthorizationRepository; clock: () => Date }) =>
  (input: AmountChangeInput): Promise<Authorization> =>
    changeAuthorization(authorizations, input.id, (current) => refund(current, input.amount, clock()));

import { capture, type Authorization } from '../domain/authorization';
import type { AuthorizationRepository } from '../ports';
import { changeAuthorization, type AmountChangeInput } from './change-authorization';

/** Captures an authorization, in full or in part. */
export const makeCapturePayment =
  ({ authorizations, clock }: { authorizations: AuthorizationRepository; clock: () => Date }) =>
  (input: AmountChangeInput): Promise<Authorization> =>
    changeAuthorization(authorizations, input.id, (current) => capture(current, input.amount, clock()));

import { voidAuthorization, type Authorization } from '../domain/authorization';
import type { AuthorizationRepository } from '../ports';
import { changeAuthorization } from './change-authorization';

/** Releases an authorization that was not captured. */
export const makeVoidPayment =
  ({ authorizations, clock }: { authorizations: AuthorizationRepository; clock: () => Date }) =>
  (input: { readonly id: string }): Promise<Authorization> =>
    changeAuthorization(authorizations, input.id, (current) => voidAuthorization(current, clock()));

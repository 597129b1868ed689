import type { Authorization } from '../domain/authorization';
import { AuthorizationNotFoundError } from '../domain/errors';
import type { Money } from '../domain/money';
import type { AuthorizationRepository } from '../ports';

/** A capture or a refund: which authorization, and how much (all that is left when omitted). */
export type AmountChangeInput = {
  readonly id: string;
  readonly amount?: Money | undefined;
};

/** @internal Loads an authorization, applies a domain transition and saves it if nobody changed it meanwhile. */
export async function changeAuthorization(
  authorizations: AuthorizationRepository,
  id: string,
  transition: (authorization: Authorization) => Authorization,
): Promise<Authorization> {
  const current = await authorizations.find(id);
  if (current === undefined) throw new AuthorizationNotFoundError(id);
  const next = transition(current);
  await authorizations.replace(current, next);
  return next;
}

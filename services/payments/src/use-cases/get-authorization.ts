import type { Authorization } from '../domain/authorization';
import { AuthorizationNotFoundError } from '../domain/errors';
import type { AuthorizationRepository } from '../ports';

/** The authorization with this id, or `AuthorizationNotFoundError`. */
export const makeGetAuthorization =
  ({ authorizations }: { authorizations: AuthorizationRepository }) =>
  async (input: { readonly id: string }): Promise<Authorization> => {
    const authorization = await authorizations.find(input.id);
    if (authorization === undefined) throw new AuthorizationNotFoundError(input.id);
    return authorization;
  };

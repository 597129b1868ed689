import type { Logger, ServiceEndpoint } from '../../core/contracts';
import { makeJsonEndpoint, type JsonOperation } from '../../core/json-endpoint';
import { SecretsManagerError } from '../errors';

/** One API operation: the parsed JSON request in, the JSON response out; SecretsManagerError for AWS errors. */
export type SecretsManagerOperation = JsonOperation;

/**
 * The Secrets Manager endpoint (AWS JSON 1.1, `X-Amz-Target: secretsmanager.<Operation>`).
 *
 * @example
 * const endpoint = makeSecretsManagerJsonEndpoint({ GetSecretValue: (input) => ({ ... }) }, logger);
 */
export function makeSecretsManagerJsonEndpoint(
  operations: Readonly<Record<string, SecretsManagerOperation>>,
  logger: Logger,
): ServiceEndpoint {
  return makeJsonEndpoint(operations, {
    signingName: 'secretsmanager',
    targetPrefix: 'secretsmanager',
    title: 'Secrets Manager',
    isApiError: (err): err is SecretsManagerError => err instanceof SecretsManagerError,
    logger,
  });
}

import type { Logger, ServiceEndpoint } from '../../core/contracts';
import { makeJsonEndpoint, type JsonOperation } from '../../core/json-endpoint';
import { SsmError } from '../errors';

/** One API operation: the parsed JSON request in, the JSON response out; SsmError for AWS errors. */
export type SsmOperation = JsonOperation;

/**
 * The SSM endpoint (AWS JSON 1.1, `X-Amz-Target: AmazonSSM.<Operation>`).
 *
 * @example
 * const endpoint = makeSsmJsonEndpoint({ GetParameter: (input) => ({ Parameter: ... }) }, logger);
 */
export function makeSsmJsonEndpoint(operations: Readonly<Record<string, SsmOperation>>, logger: Logger): ServiceEndpoint {
  return makeJsonEndpoint(operations, {
    signingName: 'ssm',
    targetPrefix: 'AmazonSSM',
    title: 'SSM',
    isApiError: (err): err is SsmError => err instanceof SsmError,
    logger,
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAwsError } from './aws-errors';
import type { Json, Logger, ServiceEndpoint } from './contracts';

/** One API operation: the parsed JSON request in, the JSON response out. */
export type JsonOperation = (input: Record<string, unknown>) => Json | Promise<Json>;

/** An error a service answers with: `code` is the AWS error code the SDKs turn into an exception class. */
export type AwsApiError = Error & { readonly code: string; readonly status: number };

export interface JsonEndpointOptions {
  /** The SigV4 signing name, e.g. 'ssm'. */
  readonly signingName: string;
  /** The `X-Amz-Target` prefix, e.g. 'AmazonSSM' for `AmazonSSM.GetParameter`. */
  readonly targetPrefix: string;
  /** The service's name in messages, e.g. 'SSM'. */
  readonly title: string;
  /** Tells the service's own API errors (answered with AWS's shape) from faults (rethrown). */
  readonly isApiError: (err: unknown) => err is AwsApiError;
  readonly logger: Logger;
}

/**
 * An AWS JSON 1.1 endpoint (`X-Amz-Target: <prefix>.<Operation>`): dispatches by operation name and answers
 * the service's API errors with the JSON error shape the SDKs parse.
 *
 * @example
 * const endpoint = makeJsonEndpoint({ GetParameter: (input) => ({ Parameter: ... }) },
 *   { signingName: 'ssm', targetPrefix: 'AmazonSSM', title: 'SSM', isApiError, logger });
 */
export function makeJsonEndpoint(operations: Readonly<Record<string, JsonOperation>>, options: JsonEndpointOptions): ServiceEndpoint {
  return {
    signingName: options.signingName,
    async handle(req, res, body) {
      const target = String(req.headers['x-amz-target'] ?? '');
      const [prefix, name = ''] = target.split('.');
      const operation = prefix === options.targetPrefix ? operations[name] : undefined;
      if (!operation) {
        sendAwsError(req, res, 400, 'UnknownOperationException', `local-cloud's ${options.title} does not support the operation '${target}'`);
        return;
      }
      await run(req, res, () => operation(parseInput(body)), options, options.logger.child({ operation: name }));
    },
  };
}

async function run(
  req: IncomingMessage,
  res: ServerResponse,
  call: () => Json | Promise<Json>,
  options: JsonEndpointOptions,
  logger: Logger,
): Promise<void> {
  try {
    const output = await call();
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() });
    res.end(JSON.stringify(output));
  } catch (err) {
    if (err instanceof SerializationError) return sendAwsError(req, res, 400, 'SerializationException', err.message);
    if (!options.isApiError(err)) throw err;
    logger.debug('request refused', { code: err.code, message: err.message });
    sendAwsError(req, res, err.status, err.code, err.message);
  }
}

class SerializationError extends Error {
  override readonly name = 'SerializationError';
}

function parseInput(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new SerializationError('The request body is not valid JSON', { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SerializationError('The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

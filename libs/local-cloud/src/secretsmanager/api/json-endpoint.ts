import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAwsError } from '../../core/aws-errors';
import type { Json, Logger, ServiceEndpoint } from '../../core/contracts';
import { SecretsManagerError } from '../errors';

/** One API operation: the parsed JSON request in, the JSON response out; SecretsManagerError for AWS errors. */
export type SecretsManagerOperation = (input: Record<string, unknown>) => Json | Promise<Json>;

/**
 * An AWS JSON 1.1 endpoint (`X-Amz-Target: secretsmanager.<Operation>`): dispatches by operation name and
 * answers SecretsManagerErrors with the JSON error shape the SDKs parse.
 *
 * @example
 * const endpoint = makeSecretsManagerJsonEndpoint({ GetSecretValue: (input) => ({ ... }) }, logger);
 */
export function makeSecretsManagerJsonEndpoint(operations: Readonly<Record<string, SecretsManagerOperation>>, logger: Logger): ServiceEndpoint {
  return {
    signingName: 'secretsmanager',
    async handle(req, res, body) {
      const target = String(req.headers['x-amz-target'] ?? '');
      const [prefix, name = ''] = target.split('.');
      const operation = prefix === 'secretsmanager' ? operations[name] : undefined;
      if (!operation) {
        sendAwsError(req, res, 400, 'UnknownOperationException', `local-cloud's Secrets Manager does not support the operation '${target}'`);
        return;
      }
      await run(req, res, () => operation(parseInput(body)), logger.child({ operation: name }));
    },
  };
}

async function run(req: IncomingMessage, res: ServerResponse, call: () => Json | Promise<Json>, logger: Logger): Promise<void> {
  try {
    const output = await call();
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() });
    res.end(JSON.stringify(output));
  } catch (err) {
    if (!(err instanceof SecretsManagerError)) throw err;
    logger.debug('request refused', { code: err.code, message: err.message });
    sendAwsError(req, res, err.status, err.code, err.message);
  }
}

function parseInput(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new SecretsManagerError('SerializationException', 'The request body is not valid JSON', 400, { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SecretsManagerError('SerializationException', 'The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

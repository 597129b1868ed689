import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAwsError } from '../../core/aws-errors';
import type { Json, Logger, ServiceEndpoint } from '../../core/contracts';
import { SsmError } from '../errors';

/** One API operation: the parsed JSON request in, the JSON response out; SsmError for AWS errors. */
export type SsmOperation = (input: Record<string, unknown>) => Json | Promise<Json>;

/**
 * An AWS JSON 1.1 endpoint (`X-Amz-Target: AmazonSSM.<Operation>`): dispatches by operation name and
 * answers SsmErrors with the JSON error shape the SDKs parse.
 *
 * @example
 * const endpoint = makeSsmJsonEndpoint({ GetParameter: (input) => ({ Parameter: ... }) }, logger);
 */
export function makeSsmJsonEndpoint(operations: Readonly<Record<string, SsmOperation>>, logger: Logger): ServiceEndpoint {
  return {
    signingName: 'ssm',
    async handle(req, res, body) {
      const target = String(req.headers['x-amz-target'] ?? '');
      const [prefix, name = ''] = target.split('.');
      const operation = prefix === 'AmazonSSM' ? operations[name] : undefined;
      if (!operation) {
        sendAwsError(req, res, 400, 'UnknownOperationException', `local-cloud's SSM does not support the operation '${target}'`);
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
    if (!(err instanceof SsmError)) throw err;
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
    throw new SsmError('SerializationException', 'The request body is not valid JSON', 400, { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SsmError('SerializationException', 'The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

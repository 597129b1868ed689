import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json, Logger, ServiceEndpoint } from '../../core/contracts';
import type { CognitoEngine } from '../engine/cognito-engine';
import { CognitoApiError } from '../errors';
import { OPERATIONS } from './operations';
import { serveWellKnown, wellKnownPrefixes } from './well-known';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * The Cognito user pools API on the gateway (signing name `cognito-idp`): AWS JSON 1.1, the operation in
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, errors as `{ "__type", "message" }`. The
 * unauthenticated operations (SignUp, InitiateAuth...) arrive unsigned and are routed by that target. Each
 * pool's `/<userPoolId>/.well-known/*` documents are served here too, as unsigned GETs.
 *
 * @example
 * gateway.register(makeCognitoEndpoint(engine, logger));
 */
export function makeCognitoEndpoint(engine: CognitoEngine, logger: Logger): ServiceEndpoint {
  return {
    signingName: 'cognito-idp',
    unsignedPathPrefixes: wellKnownPrefixes(engine),
    async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
      if (await serveWellKnown(engine, req, res)) return;
      const target = String(req.headers['x-amz-target'] ?? '');
      const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
      try {
        send(res, 200, toWire(await runOperation(engine, name, body)) ?? {});
      } catch (err) {
        if (!(err instanceof CognitoApiError)) logger.error('Cognito operation failed', { operation: name, err });
        const error = err instanceof CognitoApiError ? err : new CognitoApiError('InternalErrorException', (err as Error).message, { cause: err });
        if (error.type === 'UserLambdaValidationException' || error.type === 'UnexpectedLambdaException') logger.warn('Cognito trigger failed', { operation: name, err: error.cause });
        send(res, error.statusCode, { __type: error.type, message: error.message }, error.type);
      }
    },
  };
}

async function runOperation(engine: CognitoEngine, name: string, body: Buffer): Promise<unknown> {
  const operation = OPERATIONS[name];
  if (!operation) throw new CognitoApiError('UnknownOperationException', `local-cloud does not emulate the Cognito operation '${name}' (see libs/local-cloud/src/cognito/README.md)`);
  const request = parseBody(body);
  const missing = operation.required.find((field) => request[field] === undefined || request[field] === null || request[field] === '');
  if (missing) {
    const member = missing[0]?.toLowerCase() + missing.slice(1);
    throw new CognitoApiError('InvalidParameterException', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return operation.run(engine, request);
}

function parseBody(body: Buffer): Record<string, Json> {
  try {
    const parsed = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, Json>;
  } catch (err) {
    throw new CognitoApiError('SerializationException', 'The request body is not valid JSON', { cause: err });
  }
  throw new CognitoApiError('SerializationException', 'The request body is not a JSON object');
}

/** AWS JSON 1.1 answers: timestamps as epoch seconds, absent fields omitted. */
function toWire(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map((item) => toWire(item) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      const wire = toWire(item);
      if (wire !== undefined) out[key] = wire;
    }
    return out;
  }
  return value as Json;
}

function send(res: ServerResponse, status: number, body: Json, errorType?: string): void {
  res.writeHead(status, { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': crypto.randomUUID(), ...(errorType && { 'x-amzn-errortype': errorType }) });
  res.end(JSON.stringify(body));
}

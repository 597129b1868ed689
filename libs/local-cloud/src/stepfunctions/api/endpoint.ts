import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, ServiceEndpoint } from '../../core/contracts';
import { StepFunctionsApiError } from '../engine/api-errors';
import type { StepFunctionsEngine } from '../engine/engine';
import { TaskTokenError } from '../engine/task-tokens';
import { runOperation } from './operations';
import type { Request } from './wire';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * The Step Functions API on the gateway (signing name `states`): AWS JSON 1.0, the operation in
 * `X-Amz-Target: AWSStepFunctions.<Operation>`, errors as `{ "__type", "message" }` so the SDKs raise the
 * same exception classes as against AWS.
 *
 * @example
 * gateway.register(makeStepFunctionsEndpoint(engine, logger));
 */
export function makeStepFunctionsEndpoint(engine: StepFunctionsEngine, logger: Logger): ServiceEndpoint {
  return {
    signingName: 'states',
    async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : target;
      try {
        const request = parseBody(body);
        send(res, 200, await runOperation(engine, operation, request));
      } catch (err) {
        if (err instanceof StepFunctionsApiError || err instanceof TaskTokenError) {
          send(res, 400, { __type: err.code, message: err.message }, err.code);
          return;
        }
        logger.error('Step Functions operation failed', { operation, error: err instanceof Error ? err.message : String(err) });
        send(res, 500, { __type: 'InternalFailure', message: err instanceof Error ? err.message : String(err) }, 'InternalFailure');
      }
    },
  };
}

function parseBody(body: Buffer): Request {
  if (body.length === 0) return {};
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Request;
  } catch (err) {
    throw new StepFunctionsApiError('ValidationException', 'The request body is not a JSON object', { cause: err });
  }
  throw new StepFunctionsApiError('ValidationException', 'The request body is not a JSON object');
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'x-amzn-requestid': crypto.randomUUID(),
    ...(errorType && { 'x-amzn-errortype': errorType }),
  });
  res.end(JSON.stringify(body));
}

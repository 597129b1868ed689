import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceEndpoint } from '../../core/contracts';
import type { EventBridgeEngine } from '../engine/engine';
import { SerializationError, UnknownOperationError } from '../errors';
import { archiveOperations } from './archive-operations';
import { busOperations } from './bus-operations';
import { eventOperations } from './event-operations';
import type { Input } from './input';
import type { Operation } from './operation';
import { ruleOperations } from './rule-operations';
import { sendError, sendResult } from './wire';

const operations: Record<string, Operation> = {
  ...eventOperations,
  ...ruleOperations,
  ...busOperations,
  ...archiveOperations,
};

/** The operations this endpoint serves, for the README and the console. */
export const SUPPORTED_OPERATIONS = Object.keys(operations).sort();

/**
 * The EventBridge API over AWS JSON 1.1 (`X-Amz-Target: AWSEvents.<Operation>`), answering with the
 * error shapes the AWS SDKs and CLI turn into their named exceptions.
 * @example gateway.register(createEventsEndpoint(engine)) // then: new EventBridgeClient({ endpoint })
 */
export function createEventsEndpoint(engine: EventBridgeEngine): ServiceEndpoint {
  return {
    signingName: 'events',
    async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
      const requestId = crypto.randomUUID();
      try {
        const operation = operationFor(req);
        sendResult(res, requestId, await operation(engine, parseBody(body)));
      } catch (error) {
        sendError(res, requestId, error);
      }
    },
  };
}

function operationFor(req: IncomingMessage): Operation {
  const target = String(req.headers['x-amz-target'] ?? '');
  const [service, name = ''] = target.split('.');
  const operation = service === 'AWSEvents' ? operations[name] : undefined;
  if (!operation) throw new UnknownOperationError(`Operation ${target || '(none)'} is not supported by the local EventBridge.`);
  return operation;
}

function parseBody(body: Buffer): Input {
  if (body.length === 0) return {};
  try {
    const input: unknown = JSON.parse(body.toString('utf8'));
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) return input as Input;
  } catch (error) {
    throw new SerializationError('Request body is not valid JSON.', { cause: error });
  }
  throw new SerializationError('Request body must be a JSON object.');
}

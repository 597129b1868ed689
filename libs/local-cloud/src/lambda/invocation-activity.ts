import type { Json, JsonObject } from '../core/contracts';
import type { InvokeResult } from './function-pool';

/** What made Lambda run a function, as far as the lambda service can tell (see `triggerOf`). */
export type InvocationTrigger = 'sqs' | 'eventbridge' | 'apigateway' | 'stepfunctions' | 'dynamodb-stream' | 'cognito' | 'invoke';

/**
 * How a call reached the lambda service: the Invoke API (a person, the CLI, an SDK client, Step Functions'
 * `aws-sdk:lambda:invoke`), or another service through the `lambda` port, synchronously (API Gateway, queue
 * and stream pollers, Step Functions tasks, Cognito triggers) or asynchronously (EventBridge targets, destinations).
 */
export type InvokeEntry = 'invoke-api' | 'port-sync' | 'port-async';

/** One message of `GET /_local/lambda-activity`: an invocation, sent when it ends. */
export interface InvocationActivity {
  readonly type: 'invocation';
  readonly functionName: string;
  readonly requestId: string;
  readonly trigger: InvocationTrigger;
  /** The queue or stream ARN, `<apiId> <routeKey>`, `<userPoolId> <triggerSource>`, or the function a destination record came from. */
  readonly triggerSource?: string;
  /** When the service accepted the invocation (ISO 8601, milliseconds), before any cold start. */
  readonly startedAt: string;
  /** The handler's run time, as REPORT's `Duration` (the init time is apart). */
  readonly durationMs: number;
  readonly coldStart: boolean;
  /** REPORT's `Init Duration`, on a cold start. */
  readonly initMs?: number;
  readonly outcome: 'ok' | 'error';
  /** `errorType: errorMessage` of a failed invocation. */
  readonly error?: string;
  /** The `itemIdentifier`s of a partial batch response. */
  readonly batchItemFailures?: readonly string[];
  readonly correlationIds: readonly string[];
}

/** The header the Shop's HTTP handlers read the correlation id from, and answer with. */
const CORRELATION_HEADER = 'x-correlation-id';
/** The ids the Shop's lambda-kit accepts as they are (`isUsableCorrelationId`): short plain tokens. */
const USABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:=+/-]{0,127}$/;

/**
 * The activity message of one finished invocation.
 * @example
 * invocationActivity({ functionName: 'f', entry: 'port-sync', payload: sqsEvent, startedAt, result });
 * // { type: 'invocation', trigger: 'sqs', triggerSource: 'arn:aws:sqs:...', coldStart: true, initMs: 212.4, ... }
 */
export function invocationActivity(call: { functionName: string; entry: InvokeEntry; payload: Json; startedAt: Date; result: InvokeResult }): InvocationActivity {
  const { result } = call;
  const response = result.ok ? parseJson(result.payload) : undefined;
  const failures = batchItemFailuresOf(response);
  const { trigger, triggerSource } = triggerOf(call.payload, call.entry);
  return {
    type: 'invocation',
    functionName: call.functionName,
    requestId: result.requestId,
    trigger,
    ...(triggerSource !== undefined && { triggerSource }),
    startedAt: call.startedAt.toISOString(),
    durationMs: Math.round(result.durationMs * 100) / 100,
    coldStart: result.initMs !== undefined,
    ...(result.initMs !== undefined && { initMs: Math.round(result.initMs * 100) / 100 }),
    outcome: result.ok ? 'ok' : 'error',
    ...(!result.ok && { error: `${result.error.errorType}: ${result.error.errorMessage}` }),
    ...(failures && { batchItemFailures: failures }),
    correlationIds: correlationIdsOf(call.payload, trigger === 'apigateway' ? response : undefined),
  };
}

/**
 * The trigger of an invocation, from the entry it came through and the payload's shape. EventBridge is the only
 * service that invokes asynchronously through the port (besides destinations), so whatever an input transformer
 * made of the event is still `eventbridge`; a synchronous port call that is no poller's, API's or Cognito's
 * event is a Step Functions task, whose input has no fixed shape.
 *
 * @example
 * triggerOf({ Records: [{ eventSource: 'aws:sqs', eventSourceARN: arn }] }, 'port-sync'); // { trigger: 'sqs', triggerSource: arn }
 */
export function triggerOf(payload: Json, entry: InvokeEntry): { trigger: InvocationTrigger; triggerSource?: string } {
  if (entry === 'invoke-api') return { trigger: 'invoke' };
  const p = asObject(payload);
  const destinationOf = stringAt(p, 'requestContext', 'functionArn');
  if (entry === 'port-async') return destinationOf && 'requestPayload' in (p ?? {}) ? { trigger: 'invoke', triggerSource: destinationOf } : { trigger: 'eventbridge' };
  const record = asObject(Array.isArray(p?.['Records']) ? p['Records'][0] : undefined);
  const source = stringAt(record, 'eventSourceARN');
  if (record?.['eventSource'] === 'aws:sqs') return { trigger: 'sqs', ...(source && { triggerSource: source }) };
  if (record?.['eventSource'] === 'aws:dynamodb') return { trigger: 'dynamodb-stream', ...(source && { triggerSource: source }) };
  const apiId = stringAt(p, 'requestContext', 'apiId');
  if (apiId) return { trigger: 'apigateway', triggerSource: `${apiId} ${stringAt(p, 'routeKey') ?? `${stringAt(p, 'httpMethod')} ${stringAt(p, 'resource')}`}` };
  const userPool = stringAt(p, 'userPoolId');
  if (userPool && typeof p?.['triggerSource'] === 'string') return { trigger: 'cognito', triggerSource: `${userPool} ${p['triggerSource']}` };
  return { trigger: 'stepfunctions' };
}

/**
 * The correlation ids a payload carries, where the Shop's functions find them: an EventBridge event's
 * `detail.metadata.correlation_id`, SQS records whose body is such an event, an HTTP API request's
 * `x-correlation-id` header (or, given the function's response, the one it answered with), a workflow
 * input's `correlationId`, `correlation_id` or `metadata.correlation_id`, a destination record's request.
 *
 * @example
 * correlationIdsOf({ Records: [{ body: '{"detail":{"metadata":{"correlation_id":"c-1"}}}' }] }); // ['c-1']
 */
export function correlationIdsOf(payload: Json, response?: Json): string[] {
  const ids = new Set([...idsIn(payload), ...[headerOf(asObject(response)?.['headers'])].filter(isUsable)]);
  return [...ids];
}

function idsIn(payload: Json | undefined): string[] {
  const p = asObject(payload);
  if (!p) return [];
  if (Array.isArray(p['Records'])) return p['Records'].flatMap((record) => idsIn(parseJson(stringAt(asObject(record), 'body'))));
  if ('requestPayload' in p) return idsIn(p['requestPayload']);
  const candidates = [
    stringAt(p, 'detail', 'metadata', 'correlation_id'),
    headerOf(p['headers']),
    stringAt(p, 'correlationId'),
    stringAt(p, 'correlation_id'),
    stringAt(p, 'metadata', 'correlation_id'),
  ];
  return candidates.filter(isUsable);
}

/** The `itemIdentifier`s of a `{ batchItemFailures }` response, or undefined when it is not one. */
function batchItemFailuresOf(response: Json | undefined): string[] | undefined {
  const failures = asObject(response)?.['batchItemFailures'];
  if (!Array.isArray(failures)) return undefined;
  return failures.map((failure) => stringAt(asObject(failure), 'itemIdentifier')).filter((id): id is string => id !== undefined);
}

/** Payload 1.0 keeps the client's header case; 2.0 lower-cases names. */
function headerOf(headers: Json | undefined): string | undefined {
  const entry = Object.entries(asObject(headers) ?? {}).find(([name]) => name.toLowerCase() === CORRELATION_HEADER);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

function isUsable(id: string | undefined): id is string {
  return id !== undefined && USABLE_ID.test(id);
}

function stringAt(value: JsonObject | undefined, ...path: string[]): string | undefined {
  let current: Json | undefined = value;
  for (const key of path) current = asObject(current)?.[key];
  return typeof current === 'string' ? current : undefined;
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function parseJson(text: string | undefined): Json | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

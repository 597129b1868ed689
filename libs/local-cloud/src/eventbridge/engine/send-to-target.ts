import type { Json } from '../../core/contracts';
import type { ApiDestination, Connection, EventBridgePorts, EventEnvelope, Target } from './types';

/** A delivery that failed; `retryable` false sends the event straight to the DLQ, as AWS does. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly code = 'EVENTBRIDGE.DELIVERY_FAILED';
  constructor(
    message: string,
    readonly errorCode: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Destinations {
  readonly ports: EventBridgePorts;
  readonly apiDestination: (arn: string) => ApiDestination | undefined;
  readonly connection: (arn: string) => Connection | undefined;
  /** Puts entries on one of this engine's own buses when no EventSender port is wired. */
  readonly putOnLocalBus: (busArn: string, entries: Array<Record<string, Json>>) => Promise<void>;
}

/** Errors that no retry can fix (the target is gone or forbidden): AWS sends these to the DLQ at once. */
const PERMANENT = /not_?found|non_?existent|does_?not_?exist|access_?denied|unauthori[sz]ed|forbidden|invalid_?parameter|validation|unsupported/i;

/**
 * Sends a payload to a target through the port its ARN's service offers: Lambda asynchronously, SQS,
 * Step Functions, another event bus, or an API destination over HTTP.
 * @throws DeliveryError when the target refuses or cannot be reached
 */
export async function sendToTarget(
  target: Target,
  payload: string,
  event: EventEnvelope,
  destinations: Destinations,
): Promise<void> {
  const service = target.Arn.split(':')[2];
  try {
    await dispatch(service, target, payload, event, destinations);
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    const { name, message } = describe(error);
    throw new DeliveryError(message, name, !PERMANENT.test(name), { cause: error });
  }
}

async function dispatch(
  service: string | undefined,
  target: Target,
  payload: string,
  event: EventEnvelope,
  destinations: Destinations,
): Promise<void> {
  const { ports } = destinations;
  const arn = target.Arn;
  if (service === 'lambda') return required(ports.lambda, 'Lambda').invokeAsync(arn, parsePayload(payload));
  if (service === 'sqs') {
    const messageGroupId = target.SqsParameters?.MessageGroupId;
    return required(ports.sqs, 'SQS').sendMessage(arn, payload, messageGroupId ? { messageGroupId } : undefined);
  }
  if (service === 'states') {
    await required(ports.stepFunctions, 'Step Functions').startExecution(arn, payload);
    return;
  }
  if (service === 'events' && arn.includes(':event-bus/')) return sendToBus(arn, event, destinations);
  if (service === 'events' && arn.includes(':api-destination/')) return callApiDestination(target, payload, destinations);
  throw new DeliveryError(`Targets of service ${service ?? 'unknown'} are not emulated`, 'UnsupportedTarget', false);
}

function sendToBus(busArn: string, event: EventEnvelope, destinations: Destinations): Promise<void> {
  const entry: Record<string, Json> = {
    Source: event.source,
    DetailType: event['detail-type'],
    Detail: JSON.stringify(event.detail),
    Resources: [...event.resources],
    Time: event.time,
  };
  const sender = destinations.ports.events;
  return sender ? sender.putEvents(busArn, [entry]) : destinations.putOnLocalBus(busArn, [entry]);
}

async function callApiDestination(target: Target, payload: string, destinations: Destinations): Promise<void> {
  const destination = destinations.apiDestination(target.Arn);
  if (!destination) throw new DeliveryError(`API destination ${target.Arn} does not exist`, 'ResourceNotFoundException', false);
  const http = required(destinations.ports.http, 'HTTP');
  const connection = destination.connectionArn ? destinations.connection(destination.connectionArn) : undefined;
  const parameters = target.HttpParameters;
  let url = destination.invocationEndpoint;
  for (const value of parameters?.PathParameterValues ?? []) url = url.replace('*', encodeURIComponent(value));
  const query = new URLSearchParams(parameters?.QueryStringParameters ?? {}).toString();
  if (query) url += (url.includes('?') ? '&' : '?') + query;
  const headers = { 'content-type': 'application/json; charset=utf-8', ...parameters?.HeaderParameters, ...connection?.headers };
  const { status } = await http({ url, method: destination.httpMethod, headers, body: payload });
  // AWS retries API destinations on 401, 407, 409, 429 and 5xx, and gives up at once on other errors.
  if (status >= 400) throw new DeliveryError(`API destination answered ${status}`, `HTTP ${status}`, status >= 500 || [401, 407, 409, 429].includes(status));
}

function parsePayload(payload: string): Json {
  try {
    return JSON.parse(payload) as Json;
  } catch (error) {
    throw new DeliveryError('The target input is not valid JSON', 'InvalidJSON', false, { cause: error });
  }
}

function required<T>(port: T | undefined, service: string): T {
  if (!port) throw new DeliveryError(`No ${service} port is connected to EventBridge`, 'UnsupportedTarget', false);
  return port;
}

function describe(error: unknown): { name: string; message: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: typeof code === 'string' && code !== '' ? `${error.name} ${code}` : error.name, message: error.message };
}

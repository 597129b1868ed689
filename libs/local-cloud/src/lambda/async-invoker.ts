import type { Json, Logger, Ports } from '../core/contracts';
import { LambdaThrottledError } from './errors';
import type { AsyncConfig } from './function-config';
import type { InvokeResult } from './function-pool';
import type { InvokeEntry } from './invocation-activity';

/** One event in the asynchronous invocation queue. */
export interface AsyncEvent {
  readonly functionName: string;
  readonly functionArn: string;
  readonly qualifier: string;
  readonly payload: Json;
  readonly requestId: string;
  /** Where the event was queued from: the Invoke API or another service (EventBridge, a destination). */
  readonly entry: InvokeEntry;
  readonly receivedAt: number;
  attempts: number;
  throttles: number;
}

export interface AsyncInvokerOptions {
  /** Runs one attempt (a synchronous invoke); throws LambdaThrottledError at the concurrency limit. */
  readonly run: (event: AsyncEvent) => Promise<InvokeResult>;
  readonly configFor: (functionName: string, qualifier: string) => AsyncConfig;
  readonly deadLetterArnOf: (functionName: string) => string | undefined;
  readonly ports: Ports;
  readonly logger: Logger;
  /** Waits before the first and second retries: AWS waits 1 then 2 minutes. */
  readonly retryDelaysMs: readonly number[];
  /** First wait after a throttle, doubled each time up to 5 minutes, as AWS backs off. */
  readonly throttleRetryMs: number;
}

type Condition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

/**
 * Lambda's asynchronous invocation: the event is queued, run, retried after a function error (twice by
 * default, per EventInvokeConfig), retried with back-off while throttled, and its record sent to the
 * on-success or on-failure destination (SQS, Lambda or EventBridge through the ports) and DLQ.
 *
 * @example
 * invoker.enqueue({ functionName, functionArn, qualifier: '$LATEST', payload, requestId, entry: 'port-async', receivedAt: Date.now(), attempts: 0, throttles: 0 });
 */
export class AsyncInvoker {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: AsyncInvokerOptions) {}

  enqueue(event: AsyncEvent): void {
    this.later(event, 0);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(event: AsyncEvent, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(event: AsyncEvent): Promise<void> {
    const config = this.options.configFor(event.functionName, event.qualifier);
    if (Date.now() - event.receivedAt > config.maxEventAgeSeconds * 1000) return this.finish(event, config, 'EventAgeExceeded', undefined);
    let result: InvokeResult;
    try {
      result = await this.options.run(event);
    } catch (err) {
      if (!(err instanceof LambdaThrottledError)) return this.options.logger.error('async invoke dropped', { requestId: event.requestId, err });
      event.throttles += 1;
      return this.later(event, Math.min(300_000, this.options.throttleRetryMs * 2 ** (event.throttles - 1)));
    }
    event.attempts += 1;
    if (result.ok) return this.finish(event, config, 'Success', result);
    if (event.attempts <= config.maxRetryAttempts) {
      const delays = this.options.retryDelaysMs;
      this.options.logger.info('async invoke failed, retrying', { functionName: event.functionName, requestId: event.requestId, attempt: event.attempts });
      return this.later(event, delays[event.attempts - 1] ?? delays.at(-1) ?? 0);
    }
    return this.finish(event, config, 'RetriesExhausted', result);
  }

  private async finish(event: AsyncEvent, config: AsyncConfig, condition: Condition, result: InvokeResult | undefined): Promise<void> {
    const destination = condition === 'Success' ? config.onSuccess : config.onFailure;
    const deadLetter = condition === 'Success' ? undefined : this.options.deadLetterArnOf(event.functionName);
    if (condition !== 'Success') this.options.logger.warn('async invoke discarded', { functionName: event.functionName, requestId: event.requestId, condition });
    try {
      if (destination) await this.deliver(destination, event, recordOf(event, condition, result));
      if (deadLetter) await this.options.ports.sqs.sendMessage(deadLetter, JSON.stringify(event.payload));
    } catch (err) {
      // AWS counts this as DestinationDeliveryFailures; the event itself is gone either way.
      this.options.logger.error('destination delivery failed', { functionName: event.functionName, destination, err });
    }
  }

  private async deliver(arn: string, event: AsyncEvent, record: Json): Promise<void> {
    const service = arn.split(':')[2];
    const { ports } = this.options;
    if (service === 'sqs') return ports.sqs.sendMessage(arn, JSON.stringify(record));
    if (service === 'lambda') return ports.lambda.invokeAsync(arn, record);
    if (service === 'events') {
      const outcome = (record as { requestContext: { condition: string } }).requestContext.condition === 'Success' ? 'Success' : 'Failure';
      const entry = { Source: 'lambda', DetailType: `Lambda Function Invocation Result - ${outcome}`, Detail: JSON.stringify(record), Resources: [event.functionArn] };
      return ports.events.putEvents(arn, [entry]);
    }
    this.options.logger.warn('destination type not emulated', { destination: arn });
  }
}

/** The invocation record Lambda sends to destinations. */
function recordOf(event: AsyncEvent, condition: Condition, result: InvokeResult | undefined): Json {
  const response = result === undefined ? null : result.ok ? (JSON.parse(result.payload) as Json) : ({ ...result.error, trace: [...(result.error.trace ?? [])] } as Json);
  return {
    version: '1.0',
    timestamp: new Date().toISOString(),
    requestContext: { requestId: event.requestId, functionArn: `${event.functionArn}:${event.qualifier}`, condition, approximateInvokeCount: event.attempts },
    requestPayload: event.payload,
    responseContext: {
      statusCode: 200,
      executedVersion: result?.executedVersion ?? '$LATEST',
      ...(result && !result.ok && { functionError: 'Unhandled' }),
    },
    responsePayload: response,
  };
}

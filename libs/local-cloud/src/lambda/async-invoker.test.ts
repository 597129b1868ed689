import { describe, expect, it, vi } from 'vitest';
import type { Json, Ports } from '../core/contracts';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { AsyncInvoker, type AsyncEvent } from './async-invoker';
import { LambdaThrottledError } from './errors';
import { DEFAULT_ASYNC_CONFIG, type AsyncConfig } from './function-config';
import type { InvokeResult } from './function-pool';

const FN_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:f';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:failures';
const BUS_ARN = 'arn:aws:events:us-east-1:000000000000:event-bus/shop';

const failed: InvokeResult = { ok: false, error: { errorType: 'Error', errorMessage: 'boom' }, requestId: 'r', executedVersion: '$LATEST', log: '', durationMs: 1 };
const succeeded: InvokeResult = { ok: true, payload: '{"done":true}', requestId: 'r', executedVersion: '$LATEST', log: '', durationMs: 1 };

function fakePorts() {
  const sent: { arn: string; body: string }[] = [];
  const events: { arn: string; entries: ReadonlyArray<Record<string, Json>> }[] = [];
  const ports: Ports = {
    ...makeLatePorts().ports,
    lambda: { invoke: async () => null, invokeAsync: async () => undefined },
    sqs: { sendMessage: async (arn, body) => void sent.push({ arn, body }) },
    stepFunctions: { startExecution: async () => ({ executionArn: '' }) },
    events: { putEvents: async (arn, entries) => void events.push({ arn, entries }) },
  };
  return { ports, sent, events };
}

function anInvoker(run: () => Promise<InvokeResult>, config: Partial<AsyncConfig>, deadLetterArn?: string) {
  const fakes = fakePorts();
  const invoker = new AsyncInvoker({
    run,
    configFor: () => ({ ...DEFAULT_ASYNC_CONFIG, ...config }),
    deadLetterArnOf: () => deadLetterArn,
    ports: fakes.ports,
    logger: silentLogger,
    retryDelaysMs: [1, 1],
    throttleRetryMs: 1,
  });
  return { invoker, ...fakes };
}

const anEvent = (): AsyncEvent => ({ functionName: 'f', functionArn: FN_ARN, qualifier: '$LATEST', payload: { id: 1 }, requestId: 'req-1', entry: 'port-async', receivedAt: Date.now(), attempts: 0, throttles: 0 });

describe('AsyncInvoker', () => {
  it('sends the failure record to an SQS on-failure destination after MaximumRetryAttempts retries', async () => {
    const run = vi.fn(async () => failed);
    const { invoker, sent } = anInvoker(run, { maxRetryAttempts: 1, onFailure: QUEUE_ARN });

    invoker.enqueue(anEvent());

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(run).toHaveBeenCalledTimes(2);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({
      requestContext: { requestId: 'req-1', functionArn: `${FN_ARN}:$LATEST`, condition: 'RetriesExhausted', approximateInvokeCount: 2 },
      requestPayload: { id: 1 },
      responseContext: { functionError: 'Unhandled' },
      responsePayload: { errorMessage: 'boom' },
    });
  });

  it('puts a success record on an EventBridge on-success destination', async () => {
    const { invoker, events } = anInvoker(async () => succeeded, { onSuccess: BUS_ARN });

    invoker.enqueue(anEvent());

    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]!.entries[0]).toMatchObject({ Source: 'lambda', DetailType: 'Lambda Function Invocation Result - Success', Resources: [FN_ARN] });
    expect(JSON.parse(String(events[0]!.entries[0]!.Detail)).responsePayload).toEqual({ done: true });
  });

  it('sends the bare event to the function dead-letter queue when it fails', async () => {
    const { invoker, sent } = anInvoker(async () => failed, { maxRetryAttempts: 0 }, QUEUE_ARN);

    invoker.enqueue(anEvent());

    await vi.waitFor(() => expect(sent).toEqual([{ arn: QUEUE_ARN, body: '{"id":1}' }]));
  });

  it('retries a throttled event without counting it as an attempt', async () => {
    const run = vi.fn<() => Promise<InvokeResult>>().mockRejectedValueOnce(new LambdaThrottledError('f', true)).mockResolvedValue(succeeded);
    const { invoker, sent } = anInvoker(run, { onSuccess: QUEUE_ARN });

    invoker.enqueue(anEvent());

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(sent[0]!.body).requestContext.approximateInvokeCount).toBe(1);
  });

  it('discards an event older than MaximumEventAgeInSeconds to the on-failure destination', async () => {
    const run = vi.fn(async () => succeeded);
    const { invoker, sent } = anInvoker(run, { maxEventAgeSeconds: 60, onFailure: QUEUE_ARN });

    invoker.enqueue({ ...anEvent(), receivedAt: Date.now() - 61_000 });

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(sent[0]!.body).requestContext.condition).toBe('EventAgeExceeded');
    expect(run).not.toHaveBeenCalled();
  });
});

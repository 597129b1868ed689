import { describe, expect, it } from 'vitest';
import type { Logger, Ports, ServiceContext } from '../core/contracts';
import { makeLatePorts } from '../core/ports';
import type { EventBridgeService } from './create-event-bridge';
import { RecordingEventSender, RecordingExecutions, RecordingLambda, RecordingQueues } from './engine/recording-ports';
import { eventBridgePlugin } from './plugin';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:missing`;

class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  debug = (msg: string, fields?: Record<string, unknown>) => this.lines.push({ level: 'debug', msg, fields });
  info = (msg: string, fields?: Record<string, unknown>) => this.lines.push({ level: 'info', msg, fields });
  warn = (msg: string, fields?: Record<string, unknown>) => this.lines.push({ level: 'warn', msg, fields });
  error = (msg: string, fields?: Record<string, unknown>) => this.lines.push({ level: 'error', msg, fields });
  child = (): Logger => this;
}

class Missing extends Error {
  override readonly name = 'LambdaNotFoundError';
}

describe('eventBridgePlugin', () => {
  it('loads the template\'s rules, serves the events API, provides the events port and logs failed deliveries', async () => {
    const lambda = new RecordingLambda();
    const ports: Ports = { ...makeLatePorts().ports, lambda, sqs: new RecordingQueues(), stepFunctions: new RecordingExecutions(), events: new RecordingEventSender() };
    const logger = new RecordingLogger();
    let started: EventBridgeService | undefined;
    const ctx: ServiceContext = {
      resources: [{
        stackName: 'Shop', logicalId: 'Rule', type: 'AWS::Events::Rule', ref: 'on-order', physicalName: 'on-order',
        arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/on-order`, attributes: {},
        properties: { EventPattern: { source: ['shop.orders'] }, Targets: [{ Id: 'fn', Arn: FUNCTION }] },
      }],
      ports, logger, endpointUrl: 'http://127.0.0.1:4566', region: REGION, accountId: ACCOUNT, dataDir: '/tmp',
    };
    lambda.failNext(new Missing('Function not found'));

    const running = await eventBridgePlugin({ onStart: (service) => (started = service) }).start(ctx);
    await running.provides?.events?.putEvents(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`, [
      { Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{}' },
    ]);
    await started?.engine.settled();
    await running.stop();

    expect(running.endpoints.map((endpoint) => endpoint.signingName)).toEqual(['events']);
    expect(Object.keys(running.localRoutes ?? {})).toEqual(['eventbridge']);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'event delivery failed', fields: expect.objectContaining({ ruleName: 'on-order', status: 'dropped' }) })]);
  });
});

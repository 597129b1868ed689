import { describe, expect, it } from 'vitest';
import type { Json } from '../core/contracts';
import type { FeedEntry } from './activity-feed';
import { buildTimeline } from './timeline';
import type { ExecutionDetail } from './workflows';

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:placed-orders';
const at = (ms: number) => `2026-01-01T10:00:00.${String(ms).padStart(3, '0')}Z`;
let seq = 0;
const entry = (kind: FeedEntry['kind'], receivedMs: number, data: Record<string, Json>, eventId?: string): FeedEntry => ({
  seq: ++seq,
  kind,
  receivedAt: at(receivedMs),
  correlationIds: ['c-1'],
  ...(eventId && { eventId }),
  data,
});
const request = (startMs: number) =>
  entry('request', startMs + 90, { apiId: 'a1b2c3d4e5', routeKey: 'POST /orders', method: 'POST', path: '/orders', status: 201, durationMs: 80, startedAt: at(startMs), authorized: true });
const invocation = (functionName: string, startMs: number, trigger: string, more: Record<string, Json> = {}) =>
  entry('invocation', startMs + 50, { functionName, requestId: `r-${functionName}`, trigger, startedAt: at(startMs), durationMs: 40, coldStart: false, outcome: 'ok', correlationIds: ['c-1'], ...more });
/** An event as EventBridge stamps it: `time` in whole seconds. */
const event = (id: string, detailType: string, receivedMs: number) =>
  entry('event', receivedMs, { eventBusName: 'shop', matchedRules: ['Rule'], archives: [], event: { id, source: 'shop.orders', 'detail-type': detailType, time: '2026-01-01T10:00:00Z' } }, id);
const delivery = (eventId: string, targetArn: string, receivedMs: number) => entry('delivery', receivedMs, { eventId, ruleName: 'Rule', targetId: 'T', targetArn, status: 'delivered', attempt: 1 }, eventId);

describe('buildTimeline', () => {
  it('orders the request, the function it ran, the event it put, the delivery and the consumer, though the event has whole seconds', () => {
    const entries = [
      request(100),
      invocation('PlaceOrder', 110, 'apigateway', { coldStart: true, initMs: 210.5 }),
      event('e-1', 'Order.OrderPlaced', 300),
      delivery('e-1', QUEUE, 302),
      invocation('RecordOrder', 350, 'sqs', { triggerSource: QUEUE, batchItemFailures: ['m-1'] }),
    ];

    const items = buildTimeline(entries, []);

    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['request', 'POST /orders → 201'],
      ['invocation', 'PlaceOrder (apigateway)'],
      ['event', 'Order.OrderPlaced from shop.orders'],
      ['delivery', `Rule → ${QUEUE}`],
      ['invocation', 'RecordOrder (sqs)'],
    ]);
    expect(items[0]?.detail).toBe('route POST /orders of API a1b2c3d4e5, 80 ms, authorized');
    expect(items[1]?.detail).toBe('ok, 40 ms, cold start (init 210.5 ms)');
    expect(items[4]?.detail).toBe(`ok, 40 ms, warm; from ${QUEUE}; 1 batch item(s) failed`);
  });

  it('puts an event before the workflow its rule started, even when the workflow started before the console heard of the event', () => {
    const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:fulfilment';
    const execution: ExecutionDetail = {
      stateMachineName: 'fulfilment',
      executionArn: `${machine.replace(':stateMachine:', ':execution:')}:x-1`,
      name: 'x-1',
      status: 'SUCCEEDED',
      startDate: at(200),
      states: [{ name: 'ReserveStock', type: 'Pass', enteredAt: at(201), exitedAt: at(202) }],
    };

    const items = buildTimeline([event('e-1', 'Order.OrderPlaced', 205), delivery('e-1', machine, 206)], [execution]);

    expect(items.map((i) => i.kind)).toEqual(['event', 'execution', 'state', 'delivery']);
  });

  it('puts an event after the consumer that published it, and before the consumer it reached first', () => {
    const reserveStock = 'arn:aws:lambda:us-east-1:000000000000:function:ReserveStock';
    const entries = [
      invocation('RecordOrder', 400, 'sqs', { triggerSource: QUEUE }),
      event('e-2', 'Inventory.StockReserved', 460),
      invocation('ReserveStock', 450, 'eventbridge'),
      delivery('e-2', reserveStock, 470),
    ];

    const items = buildTimeline(entries, []);

    expect(items.map((i) => i.title)).toEqual(['RecordOrder (sqs)', 'Inventory.StockReserved from shop.orders', 'ReserveStock (eventbridge)', `Rule → ${reserveStock}`]);
  });
});

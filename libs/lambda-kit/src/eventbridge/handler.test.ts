import { EventBridgeEnvelope } from '@aws-lambda-powertools/parser/envelopes/eventbridge';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { currentCorrelation, type CorrelationContext } from '@shop/events';
import { afterEach, describe, expect, it } from 'vitest';
import { observability } from '../observability';
import { logger } from '../powertools';
import { aLambdaContext, anEventBridgeEvent, captureLogs, type CapturedLogs } from '../testing';
import { anOrderPlacedDetail, CUSTOMER_EMAIL, OrderPlaced, OrderPlacedDetail } from '../test-support/order-placed';
import { logErrors, makeEventHandler, withEventCorrelation } from './handler';

const anOrderPlacedEvent = (detail: unknown, id = 'evt-1') =>
  anEventBridgeEvent({ id, source: 'shop.orders', detailType: 'Order.OrderPlaced', detail });

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('makeEventHandler', () => {
  const seen: { orderId: string; correlation: CorrelationContext | undefined }[] = [];
  const handler = makeEventHandler(OrderPlaced, async (event) => {
    seen.push({ orderId: event.detail.data.orderId, correlation: currentCorrelation() });
    logger.info('Handling order', { orderId: event.detail.data.orderId });
    if (event.detail.data.orderId === 'ord_fail') throw new Error('downstream unavailable');
    return event.detail.data.orderId;
  });

  it('passes the parsed event to the business function inside the event correlation context', async () => {
    logs = captureLogs();
    seen.length = 0;

    const result = await handler(
      anOrderPlacedEvent(anOrderPlacedDetail({ correlationId: 'corr-eb' })),
      aLambdaContext(),
    );

    expect(result).toBe('ord_1');
    expect(seen).toEqual([{ orderId: 'ord_1', correlation: { correlationId: 'corr-eb', causationId: 'evt-1' } }]);
  });

  it('puts the correlation and causation ids on every log line, and no personal data', async () => {
    logs = captureLogs();

    await handler(anOrderPlacedEvent(anOrderPlacedDetail({ correlationId: 'corr-eb' })), aLambdaContext());

    logs.restore();
    expect(logs.lines().length).toBeGreaterThan(0);
    expect(logs.lines().every((l) => l.correlation_id === 'corr-eb' && l.causation_id === 'evt-1')).toBe(true);
    expect(logs.text()).not.toContain(CUSTOMER_EMAIL);
  });

  it('fails the invocation on an invalid event, logging the invalid paths under its correlation id', async () => {
    logs = captureLogs();
    const detail = anOrderPlacedDetail({ correlationId: 'corr-bad' });
    const invalid = { ...detail, data: { ...detail.data, total: { amount: -1, currency: 'GBP' } } };

    await expect(handler(anOrderPlacedEvent(invalid), aLambdaContext())).rejects.toThrow('Failed to parse schema');

    logs.restore();
    expect(logs.lines().find((l) => l.level === 'ERROR')).toMatchObject({
      correlation_id: 'corr-bad',
      fields: ['detail.data.total.amount'],
    });
    expect(logs.text()).not.toContain(CUSTOMER_EMAIL);
  });

  it('refuses an event from another source or of another detail-type', async () => {
    logs = captureLogs();
    const event = { ...anOrderPlacedEvent(anOrderPlacedDetail()), 'detail-type': 'Order.OrderCancelled' };

    await expect(handler(event, aLambdaContext())).rejects.toThrow();

    logs.restore();
    expect(logs.lines().find((l) => l.level === 'ERROR')?.fields).toEqual(['detail-type']);
  });

  it('rethrows a failure of the business function so Lambda retries the event', async () => {
    logs = captureLogs();

    const invocation = handler(anOrderPlacedEvent(anOrderPlacedDetail({ orderId: 'ord_fail' })), aLambdaContext());

    await expect(invocation).rejects.toThrow('downstream unavailable');
  });
});

describe('withEventCorrelation around a hand-written middy chain', () => {
  const handler = withEventCorrelation(
    middy()
      .use(observability())
      .use(logErrors())
      .use(parser({ schema: OrderPlacedDetail, envelope: EventBridgeEnvelope }))
      .handler(async (detail) => ({ orderId: detail.data.orderId, correlation: currentCorrelation() })),
  );

  it('hands the detail to the handler inside the event correlation context', async () => {
    logs = captureLogs();

    const result = await handler(
      anOrderPlacedEvent(anOrderPlacedDetail({ correlationId: 'corr-m' }), 'evt-9'),
      aLambdaContext(),
    );

    expect(result).toEqual({ orderId: 'ord_1', correlation: { correlationId: 'corr-m', causationId: 'evt-9' } });
  });
});

import { OrderCancelled, OrderConfirmed, rulePattern } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { catalogEventsMatching, deliveredInput, patternMatches, sampleEvent } from './events';

describe('sampleEvent', () => {
  it("wraps a catalog event's sample in EventBridge's envelope", () => {
    const event = sampleEvent(OrderConfirmed);

    expect(event).toMatchObject({ source: 'shop.orders', 'detail-type': 'Order.OrderConfirmed', detail: OrderConfirmed.sampleDetail });
  });
});

describe('patternMatches', () => {
  it('matches by source, detail-type and version, as EventBridge does', () => {
    const pattern = rulePattern(OrderConfirmed);

    expect(patternMatches(pattern, sampleEvent(OrderConfirmed))).toBe(true);
    expect(patternMatches(pattern, { ...sampleEvent(OrderConfirmed), source: 'shop.invoices' })).toBe(false);
  });
});

describe('catalogEventsMatching', () => {
  it('names every catalog event a pattern matches, and only those', () => {
    expect(catalogEventsMatching(rulePattern(OrderCancelled))).toEqual(['Order.OrderCancelled.v1']);
    expect(catalogEventsMatching({ source: ['shop.orders'] })).toEqual([
      'Order.OrderPlaced.v1',
      'Order.OrderConfirmed.v1',
      'Order.OrderCancelled.v1',
    ]);
  });
});

describe('deliveredInput', () => {
  it("fills a synthesized input transformer's template from the event", () => {
    const target = {
      Arn: { Ref: 'Topic' },
      InputTransformer: {
        InputPathsMap: { 'detail-data-orderId': '$.detail.data.orderId' },
        InputTemplate: '"Order <detail-data-orderId> was cancelled"',
      },
    };

    expect(deliveredInput(target, sampleEvent(OrderCancelled))).toBe(`"Order ${OrderCancelled.sample.orderId} was cancelled"`);
  });

  it('delivers the whole event when the target has no input of its own', () => {
    const event = sampleEvent(OrderCancelled);

    expect(JSON.parse(deliveredInput({ Arn: { Ref: 'Queue' } }, event))).toEqual(event);
  });
});

import { OrderConfirmed, OrderPlaced, ProductInfoUpdated } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { eventFlowDiagram, eventFlows, type BusRule } from './event-flow';

const rule = (service: string, pattern: unknown): BusRule => ({
  path: `ShopDev/Stateless/${service}/Rule/Resource`,
  service: service.toLowerCase(),
  pattern: JSON.stringify(pattern),
});

describe('eventFlows', () => {
  it('finds the consumers whose rules match the sample, as EventBridge matches patterns', () => {
    const rules = [
      rule('Invoices', { source: ['shop.orders'], 'detail-type': ['Order.OrderConfirmed'] }),
      rule('Products', { source: ['shop.orders'], 'detail-type': [{ prefix: 'Order.Order' }] }),
      rule('Users', { source: ['shop.orders'], detail: { metadata: { event_version: ['2'] } } }),
    ];

    const flows = eventFlows([OrderConfirmed, OrderPlaced, ProductInfoUpdated], rules);

    expect(flows.map((flow) => [flow.detailType, flow.consumers])).toEqual([
      ['Order.OrderConfirmed', ['invoices', 'products']],
      ['Order.OrderPlaced', ['products']],
      ['Product.ProductInfoUpdated', []],
    ]);
  });

  it('draws an event no rule receives as going nowhere', () => {
    const flows = eventFlows([ProductInfoUpdated], []);

    expect(eventFlowDiagram(flows)).toContain('products -. "Product.ProductInfoUpdated" .-> nobody((no rule))');
  });
});

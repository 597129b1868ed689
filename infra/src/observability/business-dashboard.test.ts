import { dashboardWidgets } from '@shop/cdk-constructs/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BusinessDashboard } from './business-dashboard';
import { BUSINESS_METRICS } from './business-metrics';

function widgets() {
  const stack = new Stack(new App(), 'Stateless');
  new BusinessDashboard(stack, 'BusinessDashboard', { stageName: 'prod' });
  const [found = []] = dashboardWidgets(Template.fromStack(stack));
  return found;
}

function metricsOf(title: string) {
  return (widgets().find((w) => w.properties.title === title)?.properties.metrics ?? []).map((m) =>
    m.filter((part) => typeof part === 'string'),
  );
}

describe('BusinessDashboard', () => {
  it('charts orders placed and confirmed, and checkouts refused, from the Shop namespace per service', () => {
    expect(metricsOf('Orders')).toEqual([
      ['Shop', 'CheckoutPriced', 'service', 'orders'],
      ['Shop', 'OrderConfirmed', 'service', 'orders'],
      ['Shop', 'CheckoutRefused', 'service', 'orders'],
    ]);
  });

  it('charts cancelled orders by every reason the workflow reports', () => {
    const cancelled = widgets().find((w) => w.properties.title === 'Cancelled orders by reason');

    expect(JSON.stringify(cancelled?.properties.metrics)).toContain(
      `SEARCH('{Shop,reason,service} MetricName=\\"OrderCancelled\\" service=\\"orders\\"', 'Sum', 300)`,
    );
  });

  it('charts revenue, invoices issued and checkout duration percentiles', () => {
    expect(metricsOf('Revenue (minor units)')).toEqual([['Shop', 'Revenue', 'service', 'orders']]);
    expect(metricsOf('Invoices issued')).toEqual([['Shop', 'InvoiceIssued', 'service', 'invoices']]);
    expect(metricsOf('Checkout duration (ms)')).toHaveLength(2);
    expect(JSON.stringify(metricsOf('Checkout duration (ms)'))).toContain('CheckoutDuration');
  });

  it('reads only metrics a service publishes, each naming the handler that does', () => {
    const metrics = Object.values(BUSINESS_METRICS);

    const assumed = metrics.filter((m) => m.assumed);

    expect(assumed).toEqual([]);
    expect(metrics.map((m) => `${m.name} ${m.emittedBy}`)).toEqual([
      'CheckoutPriced orders PriceCheckout',
      'CheckoutRefused orders PriceCheckout',
      'OrderConfirmed orders OrderOutcome',
      'OrderCancelled orders OrderOutcome',
      'Revenue orders OrderOutcome',
      'CheckoutDuration orders OrderOutcome',
      'InvoiceIssued invoices OrderConfirmed',
    ]);
  });
});

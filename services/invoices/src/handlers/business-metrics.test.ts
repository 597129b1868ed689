import { metrics } from '@shop/lambda-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { businessMetrics, INVOICE_ISSUED_METRIC } from './business-metrics';

afterEach(() => metrics.clearMetrics());

describe('businessMetrics', () => {
  it('adds each invoice issued to the EMF document the invocation publishes', () => {
    businessMetrics.invoiceIssued();
    businessMetrics.invoiceIssued();

    // What Powertools writes to stdout at the end of the invocation (namespace and service come from the
    // function's Powertools variables, which ServiceFunction sets).
    const emf = metrics.serializeMetrics();

    expect(emf._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: INVOICE_ISSUED_METRIC, Unit: 'Count' }]);
    expect(emf._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service']]);
    expect(emf[INVOICE_ISSUED_METRIC]).toEqual([1, 1]);
    expect(INVOICE_ISSUED_METRIC).toBe('InvoiceIssued');
  });
});

import { metrics } from '@shop/lambda-kit';
import type { BusinessMetrics } from '../ports';

/** The metric's name, as infra/src/observability/business-metrics.ts reads it. */
export const INVOICE_ISSUED_METRIC = 'InvoiceIssued';

/**
 * The use cases' metrics as Powertools EMF (namespace and `service` dimension from the function's Powertools
 * variables), published with the invocation's other metrics by lambda-kit's `observability()`.
 */
export const businessMetrics: BusinessMetrics = {
  invoiceIssued: () => metrics.addMetric(INVOICE_ISSUED_METRIC, 'Count', 1),
};

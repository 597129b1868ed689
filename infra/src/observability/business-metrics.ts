/**
 * The business metrics the services publish in Embedded Metric Format (Powertools `metrics.addMetric`), in the
 * `Shop` namespace with Powertools' `service` dimension. The dashboard and the canary's alarms read them by
 * these names; a service that renames one must change it here too (the dashboard test pins the names).
 *
 * `emittedBy` says which handler publishes each today; `assumed` marks the ones no service publishes yet.
 */
export const BUSINESS_METRICS = {
  ordersPlaced: { name: 'CheckoutPriced', service: 'orders', emittedBy: 'orders PriceCheckout', assumed: false },
  checkoutsRefused: { name: 'CheckoutRefused', service: 'orders', emittedBy: 'orders PriceCheckout', assumed: false },
  ordersConfirmed: { name: 'OrderConfirmed', service: 'orders', emittedBy: 'none yet', assumed: true },
  /** Also has a `reason` dimension (PAYMENT_DECLINED, OUT_OF_STOCK, ...). */
  ordersCancelled: { name: 'OrderCancelled', service: 'orders', emittedBy: 'none yet', assumed: true },
  /** Sum of confirmed order totals in minor units of the shop's currency. */
  revenue: { name: 'Revenue', service: 'orders', emittedBy: 'none yet', assumed: true },
  /** Milliseconds from POST /checkout to CONFIRMED or CANCELLED. */
  checkoutDuration: { name: 'CheckoutDuration', service: 'orders', emittedBy: 'none yet', assumed: true },
  invoicesIssued: { name: 'InvoiceIssued', service: 'invoices', emittedBy: 'none yet', assumed: true },
} as const;

export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS];

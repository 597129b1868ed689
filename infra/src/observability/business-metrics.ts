/**
 * The business metrics the services publish in Embedded Metric Format (Powertools `metrics.addMetric`), in the
 * `Shop` namespace with Powertools' `service` dimension. The dashboard and the canary's alarms read them by
 * these names; a service that renames one must change it here too (the dashboard test pins the names).
 *
 * `emittedBy` says which handler publishes each (`<service> <handler>`: orders' `order-outcome.ts`, a consumer of the
 * service's own Order.OrderConfirmed and Order.OrderCancelled, counts each order once); `assumed` marks any that
 * no service publishes yet.
 */
export const BUSINESS_METRICS = {
  ordersPlaced: { name: 'CheckoutPriced', service: 'orders', emittedBy: 'orders PriceCheckout', assumed: false },
  checkoutsRefused: { name: 'CheckoutRefused', service: 'orders', emittedBy: 'orders PriceCheckout', assumed: false },
  ordersConfirmed: { name: 'OrderConfirmed', service: 'orders', emittedBy: 'orders OrderOutcome', assumed: false },
  /** Also has a `reason` dimension: the cancellation's reason code (PAYMENT_DECLINED, OUT_OF_STOCK, ...) only. */
  ordersCancelled: { name: 'OrderCancelled', service: 'orders', emittedBy: 'orders OrderOutcome', assumed: false },
  /** Sum of confirmed order totals in minor units of the shop's one currency (SHOP_CURRENCY). */
  revenue: { name: 'Revenue', service: 'orders', emittedBy: 'orders OrderOutcome', assumed: false },
  /** Milliseconds from the order's creation (SaveOrder) to CONFIRMED or CANCELLED. */
  checkoutDuration: { name: 'CheckoutDuration', service: 'orders', emittedBy: 'orders OrderOutcome', assumed: false },
  invoicesIssued: { name: 'InvoiceIssued', service: 'invoices', emittedBy: 'invoices OrderConfirmed', assumed: false },
} as const;

export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS];

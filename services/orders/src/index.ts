// What other code may use from the orders service: the domain (pure TypeScript), the checkout contract
// the infrastructure builds the REST API model and the workflow from, the error codes and the table
// design. Handlers are Lambda entry points, bundled from their files (see the README), never imported.
export * from './domain';
export { CheckoutRequestWithToken, PaymentTokenId } from './handlers/workflow/checkout-request-with-token';
export { PricedOrder } from './handlers/workflow/priced-order';
export {
  PricedOrderLine,
  type OrderInvoice,
  type OrderLinks,
  type OrderSummary,
  type OrderView,
} from './adapters/order-item';
export { STOCK_RESERVATION_FAILED_ERROR, type StockReservedOutput } from './handlers/workflow/stock-answer-contract';
export { ORDERS_HTTP_STATUS, ORDERS_SERVICE_ERROR_STATUS, type OrdersServiceErrorCode } from './adapters/errors';
export { CHECKOUT_ERROR_STATUS } from './handlers/workflow/task-errors';
export { ORDERS_TABLE_DESIGN } from './adapters/table';

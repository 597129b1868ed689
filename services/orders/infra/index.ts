export { OrdersData, type OrdersDataProps } from './orders-data';
export { OrdersService, type OrdersServiceProps, INBOX_HANDLERS, type InboxHandler } from './orders-service';
export {
  makeOrdersFunctions,
  HANDLER_ENTRIES,
  HANDLER_TIMEOUTS,
  TABLE_GRANTS,
  type OrdersHandler,
  type OrdersFunctionsProps,
  type PaymentsEndpoint,
  type FeatureFlagsLocation,
} from './orders-functions';
export { ORDERS_ROUTES, addOrdersRoutes, type OrdersRoutesProps } from './orders-routes';
export { EventInbox, type EventInboxProps, INBOX_BATCH_SIZE, RULE_TARGET_RETRY } from './event-inbox';
export {
  CheckoutWorkflow,
  type CheckoutWorkflowProps,
  STOCK_ANSWER_TIMEOUT,
  CHECKOUT_TIMEOUT,
} from './checkout-workflow';
export {
  CheckoutIntake,
  type CheckoutIntakeProps,
  INTAKE_ERROR_STATUS,
  IDEMPOTENCY_KEY_REUSED,
  EXECUTION_ALREADY_EXISTS,
  INTAKE_TIMEOUT,
  SAME_CHECKOUT_FIELDS,
} from './checkout-intake';
export { CheckoutApi, type CheckoutApiProps, CHECKOUT_API_THROTTLE, CHECKOUT_API_STAGE } from './checkout-api';
export { CheckoutAlarms, type CheckoutAlarmsProps, CHECKOUT_REFUSED_METRIC } from './checkout-alarms';
export { PAYMENT_PROVIDER } from './checkout-events';
export { PAYMENT_ROUTES, PAYMENT_ATTEMPT_TIMEOUT, RETRIABLE_PAYMENT_ERRORS } from './checkout-payment';
export { WorkflowRole, type WorkflowRoleProps } from './workflow-role';
export { grantTableActions, IDEMPOTENCY_ACTIONS, type TableGrants } from './table-access';
export {
  startCheckoutRequestTemplate,
  checkoutResponseTemplate,
  serviceFaultTemplate,
  checkoutRequestSchema,
  GATEWAY_RESPONSE_BODIES,
  IDEMPOTENCY_KEY_HEADER,
} from './checkout-api-templates';

export { DEFAULT_TIMEOUT_CARD_DELAY, PaymentsSandbox, type PaymentsSandboxProps } from './payments-sandbox';
export { PaymentsStack, type PaymentsStackProps } from './payments-stack';
export { PAYMENTS_ROUTES, type PaymentsHandler } from './payments-routes';

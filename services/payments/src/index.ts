// What other projects may know about the payment sandbox without calling it: the test cards, the codes
// it answers with and its headers (end-to-end tests and docs use them). Its infrastructure is in ./infra.
export { TEST_CARDS, DECLINE_CODES, type DeclineCode } from './domain/test-cards';
export { AUTHORIZATION_STATUSES, type AuthorizationStatus } from './domain/authorization';
export { CARD_BRANDS, type CardBrand } from './domain/card';
export { TOKEN_LIFETIME_SECONDS } from './domain/card-token';
export { API_KEY_HEADER, IDEMPOTENCY_KEY_HEADER, PAYMENT_ERROR_STATUS, REPLAYED_HEADER } from './http/protocol';

// The orders domain: pure TypeScript, tested with plain values. Adapters and handlers import from here.
export {
  ORDERS_ERROR_STATUS,
  OrdersDomainError,
  isOrdersDomainError,
  type OrdersErrorCode,
  type OrdersErrorDetails,
} from './errors';
export { BASIS_POINTS_PER_WHOLE, money, multiplyAmount, sumAmounts, taxOn, type Money } from './money';
export {
  applyProductEvent,
  catalogOf,
  orderableProduct,
  toCatalogProduct,
  type Catalog,
  type CatalogProduct,
} from './catalog';
export {
  GUEST_CART_TTL_SECONDS,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  addLine,
  assertCartOpen,
  changeQuantity,
  isCartExpired,
  isGuestCart,
  newCustomerCart,
  newGuestCart,
  removeLine,
  type Cart,
  type CartItem,
  type CartLine,
  type CartOwner,
  type CustomerCart,
  type CustomerOwner,
  type GuestCart,
  type GuestOwner,
} from './cart';
export { mergeGuestCart, type CartMerge } from './cart-merge';
export {
  priceCart,
  type CartTotals,
  type PricedCart,
  type PricedLine,
  type PricingLine,
  type PricingOptions,
} from './pricing';
export {
  CARD_BRANDS,
  acceptedBrand,
  acceptedCardBrand,
  allowedPaymentBrands,
  detectCardBrand,
  isLuhnValid,
  type CardBrand,
  type PaymentFlags,
} from './payment-card';
export { CardDetails, CheckoutRequest, billingAddressOf } from './checkout-request';
export {
  DELETED_CUSTOMER_NAME,
  ERASED_FIELD,
  FIRST_PROFILE_REVISION,
  orderCustomer,
  profileFromCreated,
  profileFromUpdated,
  redactAddress,
  type CustomerProfile,
  type OrderCustomer,
} from './customer';
export {
  ORDER_CANCELLATION_REASONS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  canMoveOrder,
  isFinalStatus,
  moveOrder,
  startOrderLifecycle,
  type CancellationReasonCode,
  type OrderLifecycle,
  type OrderMove,
  type OrderStatus,
  type StatusChange,
} from './order-status';

/** API codes in words for shoppers; anything else gets a generic apology (the code is logged). */
const MESSAGES: Record<string, string> = {
  'ORDERS.PRODUCT_UNAVAILABLE': 'Sorry, that product is no longer sold.',
  'ORDERS.PRODUCT_NOT_FOUND': 'Sorry, that product is not in our catalogue any more.',
  'ORDERS.CART_FULL': 'Your cart holds 50 different products already.',
  'ORDERS.INVALID_QUANTITY': 'You can buy from 1 to 99 of each product.',
  'ORDERS.CART_EXPIRED': 'Your cart expired after 7 days, so we started a new one.',
  'ORDERS.CART_CONFLICT': 'Your cart changed in another tab; please try again.',
  'ORDERS.EMPTY_CART': 'Your cart is empty.',
  'ORDERS.CART_NOT_OWNED': 'Please sign in again before checking out.',
  'ORDERS.PAYMENT_METHOD_NOT_ALLOWED': 'We do not accept this type of card. Please use Visa or Mastercard.',
  'ORDERS.PAYMENT_TOKEN_NOT_FOUND': 'Your card details expired; please enter them again.',
  'ORDERS.PAYMENTS_UNAVAILABLE': 'We could not reach the card processor. You have not been charged; please try again.',
  'ORDERS.CURRENCY_MISMATCH': 'A product in your cart is priced in another currency.',
  'PAYMENT.INVALID_REQUEST': 'Please check the card number, expiry date and security code.',
  'PAYMENT.IDEMPOTENCY_KEY_REUSED': 'Please submit the form again.',
  'PRODUCTS.NOT_FOUND': 'That product does not exist.',
  'PRODUCTS.FORBIDDEN': 'Only shop staff can do that.',
  'PRODUCTS.INVALID_REQUEST': 'Please check the values you entered.',
  'PRODUCTS.CONFLICT': 'Someone else changed this product at the same time; please try again.',
  'REQUEST.INVALID': 'Please check the values you entered.',
  'AUTH.NOT_AUTHORIZED': 'Incorrect email or password.',
  'AUTH.NOT_CONFIRMED': 'Please confirm your email address first: enter the code we sent you.',
  'AUTH.USERNAME_EXISTS': 'An account with this email address already exists. Sign in instead.',
  'AUTH.CODE_MISMATCH': 'That code is not right; check the email we sent you.',
  'AUTH.CODE_EXPIRED': 'That code has expired; ask for a new one.',
  'AUTH.TOO_MANY_ATTEMPTS': 'Too many attempts; please wait a minute and try again.',
  'STOREFRONT.SIGNED_OUT': 'Please sign in to continue.',
  'STOREFRONT.BACKEND_UNREACHABLE': 'The shop cannot be reached right now; please try again in a moment.',
};

export function messageFor(code: string, fallback = 'Something went wrong on our side; please try again.'): string {
  return MESSAGES[code] ?? fallback;
}

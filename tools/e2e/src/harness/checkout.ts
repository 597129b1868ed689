import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { UnexpectedResponseError, type Money } from './catalog';
import { eventually } from './poll';
import { callApi, type ApiResponse } from './shop-api';
import type { ShopTarget } from './target';

/** The payment sandbox's test cards (services/payments README): what each number does when authorized. */
export const TEST_CARDS = {
  approves: '4242424242424242',
  mastercard: '5555555555554444',
  declines: '4000000000000002',
  /** 503 on the first attempt for an idempotency key, approves the retry. */
  failsOnce: '4000000000000119',
  /** Holds the request past API Gateway's 30 s, then 504: nothing authorized. */
  timesOut: '4000000000000259',
  amex: '378282246310005',
} as const;

/** The orders service's order statuses (services/orders README, "Order lifecycle"). */
export type OrderStatus = 'PENDING' | 'STOCK_RESERVED' | 'PAYMENT_AUTHORIZED' | 'CONFIRMED' | 'CANCELLED';

/** `GET /orders/{id}`: the order with its status history. */
export interface Order {
  readonly id: string;
  readonly status: OrderStatus;
  readonly reasonCode?: string;
  readonly lines: readonly { productId: string; quantity: number }[];
  readonly totals: Record<'subtotal' | 'shipping' | 'tax' | 'total', Money>;
  readonly history: readonly { status: OrderStatus; at: string; reasonCode?: string }[];
  readonly shippingAddress: Record<string, string>;
  readonly billingAddress: Record<string, string>;
}

/** What `POST /checkout` accepted: 202 with the order id and where to follow it. */
export interface CheckoutAccepted {
  readonly orderId: string;
  readonly status: 'PENDING';
  readonly links: { readonly self: string };
}

const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

/**
 * The sandbox's API key, from the secret the payments stack outputs: the storefront's server holds it to
 * tokenize cards.
 *
 * @example
 * const apiKey = await paymentsApiKey(target, new SecretsManagerClient({}));
 */
export async function paymentsApiKey(target: ShopTarget, secrets: SecretsManagerClient): Promise<string> {
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: target.paymentsApiKeySecretArn }));
  if (!SecretString) throw new Error(`The secret ${target.paymentsApiKeySecretArn} holds no string`);
  return SecretString;
}

/**
 * Tokenizes a test card with the sandbox (`POST /v1/tokens`), as the storefront's server does: the card number
 * never reaches the shop's own API. A 5xx (a cold sandbox function under load) is sent again with the same
 * idempotency key, as a well-behaved client does: it cannot make two tokens.
 *
 * @throws UnexpectedResponseError unless the sandbox answers 201 within `attempts` tries.
 */
export async function tokenizeCard(
  target: ShopTarget,
  apiKey: string,
  number: string,
  attempts = 3,
): Promise<string> {
  const idempotencyKey = randomUUID();
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'idempotency-key': idempotencyKey },
    body: JSON.stringify({
      card: { number, expMonth: 12, expYear: 2035, cvc: number.length === 15 ? '1234' : '123' },
    }),
  };
  let response = await fetch(`${target.paymentsUrl}/v1/tokens`, request);
  for (let attempt = 1; response.status >= 500 && attempt < attempts; attempt++) {
    await response.body?.cancel();
    response = await fetch(`${target.paymentsUrl}/v1/tokens`, request);
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  if (response.status !== 201 || !body.id)
    throw new UnexpectedResponseError('POST /v1/tokens', { status: response.status, headers: response.headers, body });
  return body.id;
}

/** The signed-in customer's cart id (`GET /me/cart` makes one on first use). */
export async function customerCartId(target: ShopTarget, token: string): Promise<string> {
  const response = await callApi<{ id: string }>(target, '/me/cart', { token });
  if (response.status !== 200) throw new UnexpectedResponseError('GET /me/cart', response);
  return response.body.id;
}

/** How long a new product may take to reach orders' copy of the catalog (one event, one queue consumer). */
const CATALOG_COPY_BUDGET_MS = 60_000;

/** Whose cart: a signed-in customer's own (their ID token: `/me/cart` routes), or a guest cart by its id. */
export type CartRef = { readonly token: string } | { readonly guestCartId: string };

/**
 * Sets a cart line's quantity (`PUT /me/cart/lines/{productId}` for a customer, `PUT /carts/{cartId}/lines/
 * {productId}` for a guest; 0 removes it). Orders prices from its own copy of the catalog, kept by
 * `Product.ProductCreated`: a product created a moment ago is `ORDERS.PRODUCT_NOT_FOUND` until that event is
 * in, so that answer is waited out.
 *
 * @throws UnexpectedResponseError for any other answer than 200.
 */
export async function setCartLine(target: ShopTarget, cart: CartRef, productId: string, quantity: number) {
  const path = 'token' in cart ? `/me/cart/lines/${productId}` : `/carts/${cart.guestCartId}/lines/${productId}`;
  const token = 'token' in cart ? cart.token : undefined;
  const notCopiedYet = (response: ApiResponse<unknown>) =>
    response.status === 404 && JSON.stringify(response.body).includes('ORDERS.PRODUCT_NOT_FOUND');
  const response = await eventually(
    () => callApi(target, path, { method: 'PUT', token, body: { quantity } }),
    (answer) => !notCopiedYet(answer),
    { what: `product ${productId} in orders' catalog copy`, timeoutMs: CATALOG_COPY_BUDGET_MS },
  );
  if (response.status !== 200) throw new UnexpectedResponseError(`PUT ${path}`, response);
}

/** A valid `POST /checkout` body for this cart and card token; `overrides` replace fields (to break one). */
export function checkoutBody(cartId: string, paymentToken: string, overrides: Record<string, unknown> = {}) {
  return {
    cartId,
    email: 'ada.lovelace@example.com',
    shippingAddress: ADDRESS,
    payment: { token: paymentToken },
    ...overrides,
  };
}

export interface CheckoutCall {
  /** The customer's ID token. */
  readonly token: string;
  /** The `Idempotency-Key` header; `null` sends none. */
  readonly idempotencyKey: string | null;
  /** Sent as JSON; a string as it is. */
  readonly body: unknown;
}

/**
 * `POST ${checkoutApiUrl}checkout`: the REST API that starts the checkout workflow.
 *
 * @example
 * const { status, body } = await postCheckout(target, { token, idempotencyKey: randomUUID(), body });
 */
export async function postCheckout<T = unknown>(target: ShopTarget, call: CheckoutCall): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: call.token };
  if (call.idempotencyKey !== null) headers['idempotency-key'] = call.idempotencyKey;
  const response = await fetch(`${target.checkoutApiUrl}checkout`, {
    method: 'POST',
    headers,
    body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** `GET /orders/{id}` as the customer. */
export const getOrder = (target: ShopTarget, token: string, orderId: string) =>
  callApi<Order>(target, `/orders/${orderId}`, { token });

/** The longest a checkout may take to reach CONFIRMED or CANCELLED: the timeout card's retries are the slowest. */
export const CHECKOUT_BUDGET_MS = 200_000;

/**
 * Polls the order every `intervalMs` until it is CONFIRMED or CANCELLED, and returns it.
 *
 * @throws DeadlineExceededError when it is neither within `timeoutMs`.
 */
export async function finalOrder(
  target: ShopTarget,
  token: string,
  orderId: string,
  timeoutMs = CHECKOUT_BUDGET_MS,
  intervalMs = 1000,
) {
  const response = await eventually(
    () => getOrder(target, token, orderId),
    ({ status, body }) => status === 200 && (body.status === 'CONFIRMED' || body.status === 'CANCELLED'),
    { what: `order ${orderId} to be CONFIRMED or CANCELLED`, timeoutMs, intervalMs },
  );
  return response.body;
}

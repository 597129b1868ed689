import { aLambdaContext, anHttpEvent } from '@shop/lambda-kit/testing';
import type { HttpHandler, HttpResponse } from '@shop/lambda-kit';
import { TEST_CARDS } from '../domain/test-cards';
import { TEST_API_KEY } from './local-aws';

/** @internal The headers of an authenticated POST; pass `idempotencyKey: undefined` or `apiKey: undefined` to leave one out. */
export function headersOf(input: { idempotencyKey?: string | undefined; apiKey?: string | undefined }) {
  const headers: Record<string, string> = {};
  if (input.apiKey !== undefined) headers['x-api-key'] = input.apiKey;
  if (input.idempotencyKey !== undefined) headers['idempotency-key'] = input.idempotencyKey;
  return headers;
}

/** @internal Valid card details for a test card number (a CVC of the length its brand needs). */
export function aCardBody(number: string = TEST_CARDS.visa, expYear = 2035) {
  return { number, expMonth: 12, expYear, cvc: number.startsWith('3') ? '4321' : '987' };
}

/** @internal A valid `POST /v1/authorizations` body with card details. */
export function anAuthorizeBody(
  overrides: { number?: string; amount?: number; expYear?: number; reference?: string } = {},
) {
  return {
    amount: { amount: overrides.amount ?? 5000, currency: 'GBP' },
    card: aCardBody(overrides.number, overrides.expYear),
    reference: overrides.reference ?? 'ord_1',
  };
}

/** @internal A valid `POST /v1/authorizations` body with a token. */
export function aTokenAuthorizeBody(token: string, overrides: { amount?: number; reference?: string } = {}) {
  return {
    amount: { amount: overrides.amount ?? 5000, currency: 'GBP' },
    token,
    reference: overrides.reference ?? 'ord_1',
  };
}

type CallOptions = { idempotencyKey?: string | undefined; apiKey?: string | undefined; body?: unknown };

/** @internal Calls a handler as API Gateway would, for a route on `/v1/<resource>[/{id}[/action]]`. */
export async function call(
  handler: HttpHandler,
  route: { method: 'GET' | 'POST'; resource?: 'authorizations' | 'tokens'; action?: string; id?: string },
  options: CallOptions = {},
): Promise<HttpResponse> {
  const base = `/v1/${route.resource ?? 'authorizations'}`;
  const suffix = route.id === undefined ? '' : `/${route.id}${route.action === undefined ? '' : `/${route.action}`}`;
  const template = route.id === undefined ? '' : `/{id}${route.action === undefined ? '' : `/${route.action}`}`;
  const event = anHttpEvent({
    method: route.method,
    path: `${base}${suffix}`,
    routeKey: `${route.method} ${base}${template}`,
    headers: headersOf({ apiKey: TEST_API_KEY, ...options }),
    body: options.body,
    ...(route.id !== undefined && { pathParameters: { id: route.id } }),
  });
  return handler(event, aLambdaContext());
}

/** @internal The JSON body of a response. */
export function bodyOf(response: HttpResponse): Record<string, unknown> {
  return JSON.parse(response.body ?? 'null') as Record<string, unknown>;
}

let authorizations = 0;

/** @internal Authorizes `amount` GBP on the Visa test card through the authorize handler; returns its id. */
export async function anAuthorizedPayment(authorize: HttpHandler, amount = 5000): Promise<string> {
  authorizations += 1;
  const body = anAuthorizeBody({ amount, reference: `ord_setup_${authorizations}` });
  const response = await call(authorize, { method: 'POST' }, { idempotencyKey: `setup-${authorizations}`, body });
  if (response.statusCode !== 201) throw new Error(`Setup failed: authorize answered ${response.statusCode}`);
  return bodyOf(response).id as string;
}

let tokens = 0;

/** @internal Tokenizes a test card through the tokenize handler; returns the token id. */
export async function aTokenFor(
  tokenize: HttpHandler,
  number: string = TEST_CARDS.visa,
  expYear = 2035,
): Promise<string> {
  tokens += 1;
  const body = { card: aCardBody(number, expYear) };
  const response = await call(
    tokenize,
    { method: 'POST', resource: 'tokens' },
    { idempotencyKey: `tokenize-${tokens}`, body },
  );
  if (response.statusCode !== 201) throw new Error(`Setup failed: tokenize answered ${response.statusCode}`);
  return bodyOf(response).id as string;
}

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FACADE_CODES, ShopApiError } from './errors';
import { makeShopApi } from './index';
import { aProduct, startFakeBackend, type Reply } from './testing/fake-backend';

type Backend = Awaited<ReturnType<typeof startFakeBackend>>;
let backend: Backend;

async function apiWith(routes: Record<string, Reply | ((r: never) => Reply)>, idToken?: string) {
  backend = await startFakeBackend(routes as never);
  return makeShopApi({
    apiUrl: backend.url,
    checkoutApiUrl: `${backend.url}/prod/`,
    paymentsUrl: `${backend.url}/sandbox`,
    paymentsApiKey: 'test-key',
    cognito: new CognitoIdentityProviderClient({ region: 'eu-west-2' }),
    userPoolClientId: 'client',
    correlationId: 'corr-1',
    ...(idToken && { idToken }),
  });
}

afterEach(async () => {
  await backend?.close();
});

describe('shop-api catalog', () => {
  it('lists products with the listing query and parses the page', async () => {
    const api = await apiWith({ 'GET /products': { status: 200, body: { items: [aProduct()], nextCursor: 'c2' } } });

    const page = await api.listProducts({ category: 'kitchen', sort: 'price-asc', limit: 12, cursor: 'c1' });

    expect(page.items[0]?.name).toBe('Enamel Mug, Blue');
    expect(page.nextCursor).toBe('c2');
    expect(backend.requests[0]?.path).toBe('/products?category=kitchen&sort=price-asc&limit=12&cursor=c1');
    expect(backend.requests[0]?.headers['x-correlation-id']).toBe('corr-1');
  });

  it('turns an API refusal into a ShopApiError with its code', async () => {
    const api = await apiWith({ 'GET /products/prod_X': { status: 404, body: { error: { code: 'PRODUCTS.NOT_FOUND', message: 'No product prod_X' } } } });

    const error = await api.getProduct('prod_X').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ShopApiError);
    expect(error).toMatchObject({ code: 'PRODUCTS.NOT_FOUND', status: 404, message: 'No product prod_X', notFound: true });
  });

  it('sends admin changes with the ID token as bearer', async () => {
    const api = await apiWith({ 'PATCH /admin/products/prod_01MUG': { status: 200, body: aProduct({ name: 'Mug' }) } }, 'id-token');

    const product = await api.updateProduct('prod_01MUG', { name: 'Mug' });

    expect(product.name).toBe('Mug');
    expect(backend.requests[0]).toMatchObject({ method: 'PATCH', body: { name: 'Mug' } });
    expect(backend.requests[0]?.headers.authorization).toBe('Bearer id-token');
  });

  it('refuses an admin call without a session, before reaching the API', async () => {
    const api = await apiWith({});

    const error = await api.restock('prod_01MUG', 5).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: FACADE_CODES.signedOut, status: 401 });
    expect(backend.requests).toHaveLength(0);
  });
});

describe('shop-api checkout and orders', () => {
  it('tokenizes the card with the sandbox key, so only the token goes to checkout', async () => {
    const api = await apiWith(
      {
        'POST /sandbox/v1/tokens': { status: 201, body: { id: 'tok_1', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } },
        'POST /prod/checkout': { status: 202, body: { orderId: 'ord_1', status: 'PENDING', links: { self: '/orders/ord_1' } } },
      },
      'id-token',
    );
    const address = { name: 'Ana', line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

    const token = await api.tokenizeCard({ number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' }, 'tok-key-1');
    const accepted = await api.startCheckout({ cartId: 'cart_abc', email: 'ana@example.com', shippingAddress: address, paymentToken: token.id, idempotencyKey: 'key-1' });

    expect(accepted.orderId).toBe('ord_1');
    const [tokenize, checkout] = backend.requests;
    expect(tokenize?.headers).toMatchObject({ 'x-api-key': 'test-key', 'idempotency-key': 'tok-key-1' });
    expect(tokenize?.headers.authorization).toBeUndefined();
    expect(checkout?.headers).toMatchObject({ 'idempotency-key': 'key-1', authorization: 'Bearer id-token' });
    expect(checkout?.body).toEqual({ cartId: 'cart_abc', email: 'ana@example.com', shippingAddress: address, payment: { token: 'tok_1' } });
  });

  it('reads the sandbox flat error shape', async () => {
    const api = await apiWith({ 'POST /sandbox/v1/tokens': { status: 400, body: { code: 'PAYMENT.INVALID_REQUEST', message: 'Bad card', errors: [{ path: 'card.number', message: 'Luhn' }] } } });

    const error = await api.tokenizeCard({ number: '4242424242424241', expMonth: 1, expYear: 2030, cvc: '123' }, 'k').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'PAYMENT.INVALID_REQUEST', status: 400, fields: ['card.number'] });
  });

  it('answers no invoice while the invoice is not issued', async () => {
    const api = await apiWith({ 'GET /orders/ord_1/invoice': { status: 404, body: { error: { code: 'INVOICES.NOT_FOUND', message: 'Not issued yet' } } } }, 'id-token');

    const invoice = await api.getInvoice('ord_1');

    expect(invoice).toBeUndefined();
  });

  it('returns the invoice and its PDF link once issued', async () => {
    const body = { invoice: { id: 'inv_1', number: 'INV-2026-000001', issuedAt: '2026-11-28T10:05:00.000Z' }, pdf: { url: 'http://127.0.0.1:4566/bucket/inv_1.pdf?X-Amz-Signature=abc' } };
    const api = await apiWith({ 'GET /orders/ord_1/invoice': { status: 200, body } }, 'id-token');

    const invoice = await api.getInvoice('ord_1');

    expect(invoice?.invoice.number).toBe('INV-2026-000001');
    expect(invoice?.pdf.url).toContain('X-Amz-Signature');
  });

  it('reports an answer that does not match the contract as a bad response', async () => {
    const api = await apiWith({ 'GET /orders/ord_1': { status: 200, body: { id: 'ord_1' } } }, 'id-token');

    const error = await api.getOrder('ord_1').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: FACADE_CODES.badResponse, status: 502 });
  });
});

describe('shop-api when the backend is down', () => {
  let url: string;

  beforeEach(async () => {
    const closed = await startFakeBackend({});
    url = closed.url;
    await closed.close();
  });

  it('answers a typed unreachable error', async () => {
    const api = makeShopApi({ apiUrl: url, checkoutApiUrl: `${url}/`, paymentsUrl: url, paymentsApiKey: 'k', cognito: new CognitoIdentityProviderClient({ region: 'eu-west-2' }), userPoolClientId: 'c' });

    const error = await api.listProducts().catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ShopApiError', code: FACADE_CODES.unreachable, status: 503 });
  });
});

import {
  AppConfigDataClient,
  GetLatestConfigurationCommand,
  StartConfigurationSessionCommand,
} from '@aws-sdk/client-appconfigdata';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { orderIdFor } from '../../adapters/ids';
import { SHIPPING } from '../../adapters/testing/order-items';
import {
  SANDBOX_API_KEY,
  startFakePaymentsSandbox,
  type FakePaymentsSandbox,
} from '../../adapters/testing/payments-sandbox';
import { addLine, newCustomerCart, newGuestCart, type Cart } from '../../domain';
import { CATALOG, MUG, NOW, TEA } from '../../domain/test-data';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';
import { PricedOrder } from './priced-order';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:PaymentsApiKey-AbCdEf';
const secrets = mockClient(SecretsManagerClient);
const appconfig = mockClient(AppConfigDataClient);
let amexPayments = false;

let aws: HandlerAws;
let sandbox: FakePaymentsSandbox;
let carts: DynamoCartRepository;
let customers: DynamoCustomerCopy;
let handler: (input: unknown, context: Context) => Promise<PricedOrder>;

beforeAll(async () => {
  sandbox = await startFakePaymentsSandbox();
  sandbox.tokens.set('tok_visa', { id: 'tok_visa', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
  sandbox.tokens.set('tok_amex', { id: 'tok_amex', brand: 'amex', last4: '0005', expMonth: 12, expYear: 2030 });
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: SANDBOX_API_KEY });
  appconfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'initial' });
  appconfig.on(GetLatestConfigurationCommand).callsFake(() => {
    const text = JSON.stringify({ 'amex-payments': { enabled: amexPayments } });
    const Configuration = Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
    return { Configuration, NextPollConfigurationToken: 'next' };
  });
  aws = await startHandlerAws({
    PAYMENTS_URL: sandbox.url,
    PAYMENTS_API_KEY_SECRET_ARN: SECRET_ARN,
    APPCONFIG_APPLICATION: 'shop',
    APPCONFIG_ENVIRONMENT: 'test',
    APPCONFIG_FLAGS_PROFILE: 'backend-flags',
  });
  carts = new DynamoCartRepository({ doc: aws.doc, tableName: aws.tableName });
  customers = new DynamoCustomerCopy({ doc: aws.doc, tableName: aws.tableName });
  const catalog = new DynamoCatalogCopy({ doc: aws.doc, tableName: aws.tableName });
  for (const product of [MUG, TEA]) await catalog.put(product);
  ({ handler } = await import('./price-checkout'));
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  secrets.restore();
  appconfig.restore();
  await sandbox.stop();
  await aws.stop();
});

let cartCount = 0;
/** A stored cart of `customerId` with these lines (mugs, teas). */
async function aCartOf(customerId: string, lines: { mugs?: number; teas?: number } = { mugs: 2, teas: 1 }) {
  const id = `cart_checkout_${++cartCount}`;
  let cart: Cart = newCustomerCart(id, customerId, NOW);
  if (lines.mugs) cart = addLine(cart, { productId: MUG.id, quantity: lines.mugs }, CATALOG, NOW);
  if (lines.teas) cart = addLine(cart, { productId: TEA.id, quantity: lines.teas }, CATALOG, NOW);
  await carts.save({ cart, version: 0, mergedGuestCartIds: [] });
  return id;
}

const anInput = (cartId: string, overrides: { token?: string; customerId?: string; key?: string } = {}) => ({
  body: {
    cartId,
    shippingAddress: SHIPPING,
    payment: { token: overrides.token ?? 'tok_visa' },
    email: 'ada@example.com',
  },
  customerId: overrides.customerId ?? 'customer-ada',
  requestId: 'req-1',
  idempotencyKey: overrides.key ?? 'key-1',
  correlationId: 'corr-1',
});

const price = (input: unknown) => handler(input, aLambdaContext());

let clockOffset = 0;
/** Moves the clock past the flags reader's 30 s cache (further each time), so the next checkout reads the flag again. */
function afterTheFlagCache() {
  clockOffset += 31_000;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + clockOffset);
}

describe('price-checkout', () => {
  it("prices the caller's cart into the order the workflow takes", async () => {
    const cartId = await aCartOf('customer-ada');

    const order = await price(anInput(cartId));

    const gbp = (amount: number) => ({ amount, currency: 'GBP' });
    expect(PricedOrder.parse(order)).toEqual(order);
    expect(order).toEqual({
      orderId: orderIdFor('customer-ada', 'key-1'),
      customer: { id: 'customer-ada', email: 'ada@example.com', name: SHIPPING.name },
      currency: 'GBP',
      lines: [
        {
          sku: MUG.sku,
          productId: MUG.id,
          name: MUG.name,
          quantity: 2,
          unitPrice: gbp(1250),
          subtotal: gbp(2500),
          taxRateBasisPoints: 2000,
          tax: gbp(500),
          total: gbp(3000),
        },
        {
          sku: TEA.sku,
          productId: TEA.id,
          name: TEA.name,
          quantity: 1,
          unitPrice: gbp(850),
          subtotal: gbp(850),
          taxRateBasisPoints: 0,
          tax: gbp(0),
          total: gbp(850),
        },
      ],
      totals: { subtotal: gbp(3350), shipping: gbp(0), tax: gbp(500), total: gbp(3850) },
      itemCount: 3,
      shippingAddress: SHIPPING,
      billingAddress: SHIPPING,
      payment: { token: 'tok_visa', brand: 'visa', last4: '4242' },
      correlationId: 'corr-1',
    });
    expect(sandbox.requests.at(-1)).toEqual({ path: '/v1/tokens/tok_visa', apiKey: SANDBOX_API_KEY });
  });

  it("names the customer as orders' copy of their profile does, keeping the request's email", async () => {
    const cartId = await aCartOf('customer-profiled');
    const profile = {
      id: 'customer-profiled',
      email: 'profile@example.com',
      revision: 2,
      updatedAt: NOW.toISOString(),
    };
    await customers.put({ ...profile, name: 'Ada King' });

    const order = await price(anInput(cartId, { customerId: 'customer-profiled' }));

    expect(order.customer).toEqual({ id: 'customer-profiled', email: 'ada@example.com', name: 'Ada King' });
  });

  it('prices a retried request to the identical order, so the workflow execution is the same', async () => {
    const cartId = await aCartOf('customer-retry');
    const input = anInput(cartId, { customerId: 'customer-retry' });

    const [first, retry] = [await price(input), await price(input)];

    expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
  });

  it('accepts the body as JSON text', async () => {
    const cartId = await aCartOf('customer-ada');
    const input = anInput(cartId);

    const order = await price({ ...input, body: JSON.stringify(input.body) });

    expect(order.totals.total.amount).toBe(3850);
  });

  it('refuses an empty cart with ORDERS.EMPTY_CART', async () => {
    const cartId = await aCartOf('customer-ada', {});

    await expect(price(anInput(cartId))).rejects.toMatchObject({
      name: 'ORDERS.EMPTY_CART',
      message: 'The cart is empty',
    });
  });

  it('refuses an unknown cart with ORDERS.CART_NOT_FOUND', async () => {
    await expect(price(anInput('cart_nobody'))).rejects.toMatchObject({ name: 'ORDERS.CART_NOT_FOUND' });
  });

  it("refuses someone else's cart, and a guest cart, with ORDERS.CART_NOT_OWNED", async () => {
    const gracesCartId = await aCartOf('customer-grace');
    await carts.save({
      cart: newGuestCart('cart_guest_x', 'cart_guest_x', new Date()),
      version: 0,
      mergedGuestCartIds: [],
    });

    await expect(price(anInput(gracesCartId))).rejects.toMatchObject({ name: 'ORDERS.CART_NOT_OWNED' });
    await expect(price(anInput('cart_guest_x'))).rejects.toMatchObject({ name: 'ORDERS.CART_NOT_OWNED' });
  });

  it('refuses a token the payment sandbox does not know with ORDERS.PAYMENT_TOKEN_NOT_FOUND', async () => {
    const cartId = await aCartOf('customer-ada');

    await expect(price(anInput(cartId, { token: 'tok_unknown' }))).rejects.toMatchObject({
      name: 'ORDERS.PAYMENT_TOKEN_NOT_FOUND',
    });
  });

  it('refuses an input that does not match the request model with REQUEST.INVALID', async () => {
    const cartId = await aCartOf('customer-ada');
    const input = anInput(cartId);

    const refusal = price({ ...input, body: { ...input.body, shippingAddress: { city: 'London' } } });

    await expect(refusal).rejects.toMatchObject({ name: 'REQUEST.INVALID' });
  });

  it('refuses Amex while the amex-payments flag is off', async () => {
    const cartId = await aCartOf('customer-ada');
    amexPayments = false;
    afterTheFlagCache();

    const refusal = price(anInput(cartId, { token: 'tok_amex' }));

    await expect(refusal).rejects.toMatchObject({
      name: 'ORDERS.PAYMENT_METHOD_NOT_ALLOWED',
      message: 'We take Visa and Mastercard; this card is American Express',
    });
  });

  it('takes Amex while the amex-payments flag is on', async () => {
    const cartId = await aCartOf('customer-ada');
    amexPayments = true;
    afterTheFlagCache();

    const order = await price(anInput(cartId, { token: 'tok_amex', key: 'key-amex' }));

    expect(order.payment).toEqual({ token: 'tok_amex', brand: 'amex', last4: '0005' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exported, importExercise } from '../../../src/check-kit';
import { bundleHandler, type HandlerBundle } from '../bundle';

const HANDLER = 'services/orders/src/handlers/workflow/price-checkout.ts';
const CLIENT = 'services/orders/src/adapters/payments-token-client.ts';
const SANDBOX = 'services/orders/src/adapters/testing/payments-sandbox.ts';
/** PriceCheckout's bundle at the start of the workshop was about 1,040 KB, zod its largest part: some room, no axios. */
export const BUDGET_KB = 1_150;
/** What an HTTP client library brings into a Node bundle: itself, MIME types, multipart forms, redirects, proxies. */
const HTTP_CLIENT_PACKAGES = ['axios', 'mime-db', 'mime-types', 'form-data', 'follow-redirects', 'proxy-from-env'];

type TokenClient = new (options: { baseUrl: string; apiKey: () => Promise<string> }) => { getToken(id: string): Promise<unknown> };
type Sandbox = { url: string; tokens: Map<string, unknown>; stop: () => Promise<void> };

let bundle: HandlerBundle | undefined;
const kb = (bytes: number) => Math.round(bytes / 1024);

describe('PriceCheckout loads only what it uses', () => {
  beforeAll(async () => {
    bundle = await bundleHandler(HANDLER);
  });

  it('bundles no HTTP client library: Node 24 has fetch', () => {
    const found = HTTP_CLIENT_PACKAGES.filter((name) => bundle?.packages.has(name));

    expect(
      found.map((name) => `${name} (${kb(bundle?.packages.get(name) ?? 0)} KB)`),
      `PriceCheckout's bundle still carries an HTTP client library: measure it (step 1), then read tokens with the built-in fetch in ${CLIENT} (step 2)`,
    ).toEqual([]);
  });

  it(`stays within its budget of ${BUDGET_KB} KB`, () => {
    expect(
      kb(bundle?.bytes ?? 0),
      `PriceCheckout's bundle is over its ${BUDGET_KB} KB budget: run the measure script (step 1) and cut what its list shows on top (step 2)`,
    ).toBeLessThanOrEqual(BUDGET_KB);
  });
});

describe('the payments client still reads card tokens', () => {
  let sandbox: Sandbox | undefined;
  const tokenClient = async () => {
    const module = await importExercise<Record<string, unknown>>(CLIENT, `${CLIENT} is gone: keep PaymentsTokenClient there (step 2)`);
    const Client = exported<TokenClient>(module, 'PaymentsTokenClient', `Keep exporting PaymentsTokenClient from ${CLIENT} (step 2)`);
    const { SANDBOX_API_KEY } = await importExercise<{ SANDBOX_API_KEY: string }>(SANDBOX, `${SANDBOX} is gone`);
    return new Client({ baseUrl: `${sandbox?.url}/`, apiKey: async () => SANDBOX_API_KEY });
  };

  beforeAll(async () => {
    const { startFakePaymentsSandbox } = await importExercise<{ startFakePaymentsSandbox: () => Promise<Sandbox> }>(SANDBOX, `${SANDBOX} is gone`);
    sandbox = await startFakePaymentsSandbox();
    sandbox.tokens.set('tok_visa', { id: 'tok_visa', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
  });
  afterAll(() => sandbox?.stop());

  it('reads a token the sandbox knows', async () => {
    const client = await tokenClient();

    const token = await client.getToken('tok_visa').catch((error: unknown) => error);

    expect(token, 'The client no longer reads a token from the sandbox: GET {baseUrl}/v1/tokens/{id} with the x-api-key header (step 2)').toEqual({
      id: 'tok_visa',
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
    });
  });

  it('tells an unknown token from an unavailable provider', async () => {
    const client = await tokenClient();

    const error = await client.getToken('tok_unknown').catch((e: unknown) => e);

    expect(error, 'A 404 must fail with ORDERS.PAYMENT_TOKEN_NOT_FOUND, and nothing else does (step 2)').toMatchObject({ code: 'ORDERS.PAYMENT_TOKEN_NOT_FOUND' });
  });
});

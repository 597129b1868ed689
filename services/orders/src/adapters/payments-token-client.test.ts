import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentsTokenClient, secretsManagerApiKey } from './payments-token-client';
import { startFakePaymentsSandbox, type FakePaymentsSandbox, SANDBOX_API_KEY } from './testing/payments-sandbox';

let sandbox: FakePaymentsSandbox;

beforeAll(async () => {
  sandbox = await startFakePaymentsSandbox();
  sandbox.tokens.set('tok_visa', { id: 'tok_visa', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
});
afterAll(() => sandbox.stop());

const client = (overrides: Partial<ConstructorParameters<typeof PaymentsTokenClient>[0]> = {}) =>
  new PaymentsTokenClient({ baseUrl: `${sandbox.url}/`, apiKey: async () => SANDBOX_API_KEY, ...overrides });

describe('PaymentsTokenClient', () => {
  it('reads a token with the API key in x-api-key', async () => {
    const token = await client().getToken('tok_visa');

    expect(token).toEqual({ id: 'tok_visa', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 });
    expect(sandbox.requests.at(-1)).toMatchObject({ path: '/v1/tokens/tok_visa', apiKey: SANDBOX_API_KEY });
  });

  it('answers ORDERS.PAYMENT_TOKEN_NOT_FOUND for a token the sandbox does not know', async () => {
    await expect(client().getToken('tok_unknown')).rejects.toMatchObject({ code: 'ORDERS.PAYMENT_TOKEN_NOT_FOUND' });
  });

  it('answers ORDERS.PAYMENTS_UNAVAILABLE when the sandbox refuses the key or fails', async () => {
    await expect(client({ apiKey: async () => 'wrong-key' }).getToken('tok_visa')).rejects.toMatchObject({
      code: 'ORDERS.PAYMENTS_UNAVAILABLE',
    });
  });

  it('answers ORDERS.PAYMENTS_UNAVAILABLE when nothing listens at the URL', async () => {
    const nowhere = new PaymentsTokenClient({ baseUrl: 'http://127.0.0.1:9', apiKey: async () => SANDBOX_API_KEY });

    await expect(nowhere.getToken('tok_visa')).rejects.toMatchObject({ code: 'ORDERS.PAYMENTS_UNAVAILABLE' });
  });

  it('answers ORDERS.PAYMENTS_UNAVAILABLE when the sandbox answers something that is not a token', async () => {
    sandbox.tokens.set('tok_odd', { id: 'tok_odd', brand: 'diners', last4: '0000', expMonth: 1, expYear: 2030 });

    await expect(client().getToken('tok_odd')).rejects.toMatchObject({ code: 'ORDERS.PAYMENTS_UNAVAILABLE' });
  });
});

describe('secretsManagerApiKey', () => {
  const secrets = mockClient(SecretsManagerClient);
  afterAll(() => secrets.restore());

  it('reads the plain string secret once and serves it from the cache after', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: 'arn:secret:payments' }).resolves({ SecretString: 'key-1' });
    const apiKey = secretsManagerApiKey('arn:secret:payments', new SecretsManagerClient({ region: 'eu-west-2' }));

    const keys = [await apiKey(), await apiKey()];

    expect(keys).toEqual(['key-1', 'key-1']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });
});

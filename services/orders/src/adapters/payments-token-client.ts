import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { CARD_BRANDS } from '../domain';
import { OrdersServiceError } from './errors';

/** What the payment sandbox tells about a card token: never the card number. */
export const PaymentToken = z.object({
  id: z.string().min(1),
  brand: z.enum(CARD_BRANDS),
  last4: z.string().regex(/^\d{4}$/),
  expMonth: z.int().min(1).max(12),
  expYear: z.int(),
});
export type PaymentToken = z.infer<typeof PaymentToken>;

/** Where the API key comes from (read on every call; cache it there). */
export type ApiKeySource = () => Promise<string>;

export type PaymentsClientOptions = {
  /** The sandbox's base URL, e.g. `https://abc.execute-api.eu-west-2.amazonaws.com`. */
  readonly baseUrl: string;
  readonly apiKey: ApiKeySource;
  /** A checkout waits for this answer: give up well inside the intake's own timeout. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 3_000;

/** Five minutes: one Secrets Manager call per warm function every few minutes; a rotated key applies within it. */
export const API_KEY_CACHE_SECONDS = 300;

/**
 * The API key, a plain string secret, read with Powertools Parameters and cached for `maxAgeSeconds`.
 *
 * @example
 * const apiKey = secretsManagerApiKey(config.paymentsApiKeySecretArn);
 */
export function secretsManagerApiKey(
  secretId: string,
  client?: SecretsManagerClient,
  maxAgeSeconds = API_KEY_CACHE_SECONDS,
): ApiKeySource {
  const provider = new SecretsProvider(client === undefined ? {} : { awsSdkV3Client: client });
  return async () => {
    const value = await provider.get(secretId, { maxAge: maxAgeSeconds });
    if (typeof value !== 'string' || value.length === 0) {
      throw new OrdersServiceError('ORDERS.PAYMENTS_UNAVAILABLE', 'The payments API key secret has no string value');
    }
    return value;
  };
}

/** Reads card tokens from the payment sandbox: `GET /v1/tokens/{id}` with the `x-api-key` header. */
export class PaymentsTokenClient {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PaymentsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /**
   * @throws OrdersServiceError `ORDERS.PAYMENT_TOKEN_NOT_FOUND` (404: the token is unknown to the provider),
   *   `ORDERS.PAYMENTS_UNAVAILABLE` (no answer in time, any other status, or an answer that is not a token).
   */
  async getToken(tokenId: string): Promise<PaymentToken> {
    const response = await this.request(tokenId);
    if (response.status === 404) {
      throw new OrdersServiceError('ORDERS.PAYMENT_TOKEN_NOT_FOUND', 'The payment token is unknown or has expired');
    }
    if (!response.ok) throw unavailable(`The payment provider answered ${response.status}`);
    try {
      return PaymentToken.parse(await response.json());
    } catch (error) {
      throw unavailable('The payment provider answered with something that is not a card token', error);
    }
  }

  private async request(tokenId: string): Promise<Response> {
    const url = `${this.baseUrl}/v1/tokens/${encodeURIComponent(tokenId)}`;
    const apiKey = await this.options.apiKey();
    try {
      return await this.fetch(url, {
        headers: { 'x-api-key': apiKey, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      throw unavailable('The payment provider could not be reached', error);
    }
  }
}

function unavailable(message: string, cause?: unknown): OrdersServiceError {
  return new OrdersServiceError('ORDERS.PAYMENTS_UNAVAILABLE', message, cause === undefined ? undefined : { cause });
}

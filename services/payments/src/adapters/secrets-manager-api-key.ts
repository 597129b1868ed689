import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DomainError } from '@shop/lambda-kit/errors';
import type { ApiKeySource } from '../ports';

/** Five minutes: one Secrets Manager call per warm function every few minutes; a rotated key applies within it. */
export const API_KEY_CACHE_SECONDS = 300;

/** The secret has no usable value: a deployment fault (500), never the caller's. */
export class ApiKeyUnavailableError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PAYMENT.API_KEY_UNAVAILABLE', 'The API key secret has no string value', options);
  }
}

/** The API key, a plain string secret in Secrets Manager, read through Powertools Parameters and cached. */
export class SecretsManagerApiKey implements ApiKeySource {
  readonly #provider: SecretsProvider;

  constructor(
    private readonly secretId: string,
    client: SecretsManagerClient = new SecretsManagerClient({}),
    private readonly maxAgeSeconds: number = API_KEY_CACHE_SECONDS,
  ) {
    this.#provider = new SecretsProvider({ awsSdkV3Client: client });
  }

  async current(): Promise<string> {
    const value = await this.#provider.get(this.secretId, { maxAge: this.maxAgeSeconds });
    if (typeof value !== 'string' || value.length === 0) throw new ApiKeyUnavailableError();
    return value;
  }
}

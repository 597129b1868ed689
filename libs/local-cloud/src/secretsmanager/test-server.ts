import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { silentLogger } from '../core/logger';
import { serveEndpoint } from '../core/test-support/serve-endpoint';
import { createSecretsManagerService, type SecretsManagerService } from './service';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '000000000000';

export interface LocalSecretsManager {
  readonly service: SecretsManagerService;
  readonly endpoint: string;
  readonly client: SecretsManagerClient;
  close(): Promise<void>;
}

/**
 * The Secrets Manager endpoint behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with the real SDK client pointed
 * at it: what the gateway does, minus routing. For tests only.
 * @internal
 */
export async function startLocalSecretsManager(): Promise<LocalSecretsManager> {
  const service = createSecretsManagerService({ region: TEST_REGION, accountId: TEST_ACCOUNT, logger: silentLogger });
  const server = await serveEndpoint(service.endpoint);
  const endpoint = server.url;
  const credentials = { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY };
  const client = new SecretsManagerClient({ endpoint, region: TEST_REGION, credentials });
  return {
    service,
    endpoint,
    client,
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

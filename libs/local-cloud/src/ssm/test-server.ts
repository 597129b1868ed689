import { SSMClient } from '@aws-sdk/client-ssm';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { silentLogger } from '../core/logger';
import { serveEndpoint } from '../core/test-support/serve-endpoint';
import { createSsmService, type SsmService } from './service';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '000000000000';

export interface LocalSsm {
  readonly ssm: SsmService;
  readonly endpoint: string;
  readonly client: SSMClient;
  close(): Promise<void>;
}

/**
 * The SSM endpoint behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with the real SDK client pointed
 * at it: what the gateway does, minus routing. For tests only.
 * @internal
 */
export async function startLocalSsm(): Promise<LocalSsm> {
  const ssm = createSsmService({ region: TEST_REGION, accountId: TEST_ACCOUNT, logger: silentLogger });
  const server = await serveEndpoint(ssm.endpoint);
  const endpoint = server.url;
  const credentials = { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY };
  const client = new SSMClient({ endpoint, region: TEST_REGION, credentials });
  return {
    ssm,
    endpoint,
    client,
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSMClient } from '@aws-sdk/client-ssm';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { silentLogger } from '../core/logger';
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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void ssm.endpoint.handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY };
  const client = new SSMClient({ endpoint, region: TEST_REGION, credentials });
  return {
    ssm,
    endpoint,
    client,
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

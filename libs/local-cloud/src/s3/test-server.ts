import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { EventSender, Json } from '../core/contracts';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { startS3Service, type S3Service } from './service';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '000000000000';
export const TEST_CREDENTIALS = { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY };

/** What the S3 service put on a bus: an in-memory fake of the EventBridge port. */
export interface RecordedEvents extends EventSender {
  readonly sent: Array<{ bus: string; entry: Record<string, Json> }>;
}

export interface LocalS3 {
  readonly service: S3Service;
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  /** A real S3 client with the SDK's default addressing, pointed at the endpoint. */
  readonly client: S3Client;
  readonly events: RecordedEvents;
  /** Another client on the same endpoint, with extra configuration. */
  makeClient(config?: Partial<S3ClientConfig>): S3Client;
  close(): Promise<void>;
}

/**
 * The S3 service behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with real SDK clients pointed at
 * it: what the gateway does, minus routing. For tests only.
 * @internal
 */
export async function startLocalS3(): Promise<LocalS3> {
  const events: RecordedEvents = {
    sent: [],
    async putEvents(bus, entries) {
      for (const entry of entries) events.sent.push({ bus, entry: { ...entry } });
    },
  };
  const service = await startS3Service({ region: TEST_REGION, accountId: TEST_ACCOUNT, events });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void service.endpoint.handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  const makeClient = (config: Partial<S3ClientConfig> = {}) => {
    const client = new S3Client({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, ...config });
    clients.push(client);
    return client;
  };
  return {
    service,
    endpoint,
    port,
    client: makeClient(),
    events,
    makeClient,
    async close() {
      for (const client of clients) client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}

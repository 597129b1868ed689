import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Json, LambdaInvoker } from '../core/contracts';
import { SqsService } from './sqs-service';

/** @internal Test region and dummy credentials: nothing here reaches AWS. */
export const TEST_REGION = 'eu-west-2';
export const TEST_ACCOUNT = '123456789012';
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

/** @internal The SQS service behind a tiny HTTP server on an ephemeral 127.0.0.1 port, as the gateway serves it. */
export interface SqsHarness {
  service: SqsService;
  baseUrl: string;
  client: SQSClient;
  warnings: Array<{ message: string; details: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** @internal */
export async function startSqsHarness(): Promise<SqsHarness> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const warnings: SqsHarness['warnings'] = [];
  const service = await SqsService.start({
    baseUrl,
    logger: { warn: (message, details) => warnings.push({ message, details }) },
  });
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void service.endpoint.handle(req, res, Buffer.concat(chunks)));
  });
  const client = new SQSClient({ endpoint: baseUrl, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeAll(service, client, server));
  return { service, baseUrl, client, warnings, close };
}

async function closeAll(service: SqsService, client: SQSClient, server: Server): Promise<void> {
  client.destroy();
  await service.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** @internal An ARN in the test account and region. */
export const queueArn = (name: string): string => `arn:aws:sqs:${TEST_REGION}:${TEST_ACCOUNT}:${name}`;
export const functionArn = (name: string): string => `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:function:${name}`;

type Handler = (payload: Json) => Json | Promise<Json>;

/** @internal An in-memory LambdaInvoker: runs a handler per function ARN and records every invocation. */
export class FakeLambda implements LambdaInvoker {
  readonly invocations: Array<{ functionArn: string; payload: Json }> = [];
  private readonly handlers = new Map<string, Handler>();

  on(arn: string, handler: Handler): this {
    this.handlers.set(arn, handler);
    return this;
  }

  async invoke(arn: string, payload: Json): Promise<Json> {
    this.invocations.push({ functionArn: arn, payload });
    const handler = this.handlers.get(arn);
    if (!handler) throw new Error(`Function not found: ${arn}`);
    return handler(payload);
  }

  async invokeAsync(arn: string, payload: Json): Promise<void> {
    await this.invoke(arn, payload);
  }
}

/** @internal Retries an assertion until it holds (or rethrows its last failure after `timeoutMs`). */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

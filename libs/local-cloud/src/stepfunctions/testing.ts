import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Json, LambdaInvoker, Logger } from '../core/contracts';
import { makeStepFunctionsEndpoint } from './api/endpoint';
import { StepFunctionsEngine, type EngineOptions } from './engine/engine';

/** Dummy credentials: the emulator checks no signature, the SDK and CLI still sign. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };
export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '123456789012';

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silent };

/** A Lambda port whose functions are plain async functions, by function name. */
export function fakeLambda(functions: Record<string, (payload: Json) => Promise<Json> | Json>): LambdaInvoker {
  const find = (arn: string) => {
    const name = arn.split(':function:').pop()!.split(':')[0]!;
    const fn = functions[name];
    if (!fn) throw Object.assign(new Error(`Function not found: ${arn}`), { name: 'LambdaNotFoundError' });
    return fn;
  };
  return {
    invoke: async (arn, payload) => find(arn)(payload),
    invokeAsync: async (arn, payload) => void (await find(arn)(payload)),
  };
}

/** The Step Functions API on an ephemeral 127.0.0.1 port, with a real SFN client pointed at it. */
export interface LocalStates {
  readonly url: string;
  readonly engine: StepFunctionsEngine;
  readonly client: SFNClient;
  close(): Promise<void>;
}

/**
 * Starts the engine behind a tiny HTTP server on 127.0.0.1 (port 0) for tests.
 *
 * @example
 * const states = await startLocalStates({ lambda: fakeLambda({}) });
 * await states.client.send(new ListStateMachinesCommand({}));
 */
export async function startLocalStates(options: Partial<EngineOptions> & { lambda: LambdaInvoker }): Promise<LocalStates> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void endpoint.handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = await StepFunctionsEngine.create({ region: TEST_REGION, accountId: TEST_ACCOUNT, endpointUrl: url, timeScale: 0.01, ...options });
  const endpoint = makeStepFunctionsEndpoint(engine, silent);
  // StartSyncExecution carries the host prefix 'sync-', which an IP endpoint cannot take.
  const client = new SFNClient({ endpoint: url, region: TEST_REGION, credentials: TEST_CREDENTIALS, disableHostPrefix: true });
  return {
    url,
    engine,
    client,
    close: async () => {
      engine.stopAll();
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

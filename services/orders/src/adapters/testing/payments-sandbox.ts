import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The API key the fake sandbox accepts. */
export const SANDBOX_API_KEY = 'sandbox-test-key-0123456789abcdefghijklmnop';

/** What the fake sandbox stores of a token (loosely typed, so a test can plant a malformed one). */
export type TokenRecord = Record<string, unknown>;

/** A local HTTP server standing in for the payment sandbox's `GET /v1/tokens/{id}`. */
export type FakePaymentsSandbox = {
  readonly url: string;
  readonly tokens: Map<string, TokenRecord>;
  readonly requests: { readonly path: string; readonly apiKey: string | undefined }[];
  readonly stop: () => Promise<void>;
};

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Answers as the sandbox's contract says: 401 without the key, 200 the token, 404 PAYMENT.NOT_FOUND. */
export async function startFakePaymentsSandbox(): Promise<FakePaymentsSandbox> {
  const tokens = new Map<string, TokenRecord>();
  const requests: FakePaymentsSandbox['requests'] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const path = request.url ?? '';
    const apiKey = request.headers['x-api-key'] as string | undefined;
    requests.push({ path, apiKey });
    if (apiKey !== SANDBOX_API_KEY) return send(response, 401, { code: 'PAYMENT.UNAUTHENTICATED', message: 'No key' });
    const match = /^\/v1\/tokens\/([^/?]+)$/.exec(path);
    const token = match?.[1] === undefined ? undefined : tokens.get(decodeURIComponent(match[1]));
    if (request.method !== 'GET' || token === undefined) {
      return send(response, 404, { code: 'PAYMENT.NOT_FOUND', message: 'No such token' });
    }
    send(response, 200, token);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { url, tokens, requests, stop };
}

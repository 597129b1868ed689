import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export type Reply = { status: number; body?: unknown };
type Route = (request: RecordedRequest) => Reply;

/**
 * A node:http server standing in for the shop's APIs in the facade tests: answers by `METHOD /path` and
 * records what it was sent, so tests assert the wire (URL, headers, body) and not a mocked function.
 */
export async function startFakeBackend(routes: Record<string, Route | Reply>) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`] ?? routes[`${request.method} ${request.path.split('?')[0]}`];
      const reply = typeof route === 'function' ? route(request) : (route ?? { status: 404, body: { message: 'Not Found' } });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const aProduct = (overrides: Record<string, unknown> = {}) => ({
  id: 'prod_01MUG',
  sku: 'MUG-ENAMEL-BLU',
  name: 'Enamel Mug, Blue',
  description: 'A steel mug.',
  category: 'kitchen',
  price: { amount: 950, currency: 'GBP' },
  taxRateBasisPoints: 2000,
  images: [{ key: 'products/mug-enamel-blu.svg', alt: 'A blue enamel mug' }],
  status: 'ACTIVE',
  revision: 1,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  ...overrides,
});

export const aCart = (lines: unknown[] = []) => ({
  id: 'cart_abc',
  owner: 'guest',
  currency: 'GBP',
  lines,
  totals: { net: { amount: 0, currency: 'GBP' }, tax: { amount: 0, currency: 'GBP' }, gross: { amount: 0, currency: 'GBP' }, itemCount: 0 },
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
});

export const aCartLine = (productId: string, quantity: number) => ({
  productId,
  sku: 'MUG-ENAMEL-BLU',
  name: 'Enamel Mug, Blue',
  quantity,
  unitPrice: { amount: 950, currency: 'GBP' },
  net: { amount: 950 * quantity, currency: 'GBP' },
  tax: { amount: 0, currency: 'GBP' },
  gross: { amount: 950 * quantity, currency: 'GBP' },
  available: true,
});

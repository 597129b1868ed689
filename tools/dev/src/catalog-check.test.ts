import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogNotReadyError, checkCatalog } from './catalog-check';

let server: Server | undefined;
afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

/** A stand-in for the shop's API and images, answering as `handle` says; returns its base URL. */
async function aShop(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handle);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const aProduct = (key: string) => ({ images: [{ key }] });

describe('checkCatalog', () => {
  it('counts the products of every page and checks the first image is served', async () => {
    const requested: string[] = [];
    const url = await aShop((req, res) => {
      requested.push(req.url!);
      if (req.url === '/products?limit=100') return json(res, 200, { items: [aProduct('products/a.svg'), aProduct('products/b.svg')], nextCursor: 'c2' });
      if (req.url === '/products?limit=100&cursor=c2') return json(res, 200, { items: [aProduct('products/c.svg')] });
      if (req.url === '/images/products/a.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
      json(res, 404, {});
    });

    const count = await checkCatalog(url, `${url}/images`);

    expect(count).toBe(3);
    expect(requested).toContain('/images/products/a.svg');
  });

  it('asks again when a cold function times out (5xx), then succeeds', async () => {
    let calls = 0;
    const url = await aShop((req, res) => {
      if (req.url?.startsWith('/products')) return ++calls < 3 ? json(res, 500, { message: 'Internal Server Error' }) : json(res, 200, { items: [{}] });
      json(res, 404, {});
    });

    const count = await checkCatalog(url, `${url}/images`, { retryDelayMs: 1 });

    expect(count).toBe(1);
    expect(calls).toBe(3);
  });

  it('says the catalog was not seeded when the API lists nothing', async () => {
    const url = await aShop((_req, res) => json(res, 200, { items: [] }));

    await expect(checkCatalog(url, `${url}/images`)).rejects.toThrow(new CatalogNotReadyError('GET /products lists no product: the catalog was not seeded'));
  });

  it('fails when the product image is not served', async () => {
    const url = await aShop((req, res) => (req.url?.startsWith('/products') ? json(res, 200, { items: [aProduct('products/a.svg')] }) : json(res, 403, {})));

    await expect(checkCatalog(url, `${url}/images`)).rejects.toThrow(`The product image ${url}/images/products/a.svg answered 403`);
  });
});

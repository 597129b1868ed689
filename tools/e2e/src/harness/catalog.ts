import { randomUUID } from 'node:crypto';
import { eventually } from './poll';
import { callApi, type ApiResponse } from './shop-api';
import type { ShopTarget } from './target';

/** Money as the API carries it: integer minor units and an ISO 4217 code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** A product as `GET /products` lists it. */
export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly price: Money;
  readonly taxRateBasisPoints: number;
  readonly images: readonly { key: string; alt: string }[];
  readonly status: 'ACTIVE' | 'DISCONTINUED';
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `GET /products/{id}`: the product and the units available to order. */
export type ProductWithStock = Product & { readonly available: number };

export interface ProductPage {
  readonly items: Product[];
  readonly nextCursor?: string;
}

/** lambda-kit's error body. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly unknown[] };
}

/** The category of every product the suite creates, apart from the seeded ones. */
export const TEST_CATEGORY = 'e2e-tests';

/** A `POST /admin/products` body for a new product with a unique sku and a unique word in its name. */
export function newProductBody(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
  return {
    sku: `E2E-${tag}`,
    name: `E2e widget ${tag.toLowerCase()}`,
    description: 'Made by the end-to-end suite.',
    category: TEST_CATEGORY,
    price: { amount: 1500, currency: 'GBP' },
    taxRateBasisPoints: 2000,
    stock: 10,
    ...overrides,
  };
}

/** The API answered something the suite did not ask for. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
  readonly code = 'E2E.UNEXPECTED_RESPONSE';

  constructor(what: string, response: ApiResponse, options?: ErrorOptions) {
    super(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`, options);
  }
}

/**
 * Creates a product through the admin API (`token` must be an admin's) and returns it.
 *
 * @throws UnexpectedResponseError unless the API answers 201.
 * @example
 * const product = await createProduct(target, admin.idToken, { stock: 10 });
 */
export async function createProduct(
  target: ShopTarget,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<Product> {
  const response = await callApi<Product>(target, '/admin/products', {
    method: 'POST',
    token,
    body: newProductBody(overrides),
  });
  if (response.status !== 201) throw new UnexpectedResponseError('POST /admin/products', response);
  return response.body;
}

/** `GET /products/{id}`. */
export const getProduct = (target: ShopTarget, id: string) =>
  callApi<ProductWithStock>(target, `/products/${encodeURIComponent(id)}`);

/**
 * Every product of a listing (`GET /products?<query>`), following `nextCursor` to the end, page by page.
 *
 * @throws UnexpectedResponseError when a page is not a 200.
 * @example
 * const kitchen = await listAll(target, { category: 'kitchen', sort: 'price-asc' });
 */
export async function listAll(
  target: ShopTarget,
  query: Record<string, string> = {},
): Promise<{ items: Product[]; pages: number }> {
  const items: Product[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams({ limit: '10', ...query, ...(cursor && { cursor }) });
    const response = await callApi<ProductPage>(target, `/products?${params}`);
    if (response.status !== 200) throw new UnexpectedResponseError(`GET /products?${params}`, response);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}

/**
 * Takes a product out of the listings (status DISCONTINUED), so a deployed stage's catalog is left as it was.
 * Clean-up runs while the shop may still be busy with the file's last events: a 5xx (a function timing out) is
 * tried again for up to a minute.
 */
export async function discontinue(target: ShopTarget, token: string, id: string): Promise<void> {
  const path = `/admin/products/${encodeURIComponent(id)}`;
  const response = await eventually(
    () => callApi(target, path, { method: 'PATCH', token, body: { status: 'DISCONTINUED' } }),
    (answer) => answer.status < 500,
    { what: `PATCH ${path} to answer below 500`, timeoutMs: 60_000, intervalMs: 1000 },
  );
  if (response.status !== 200) throw new UnexpectedResponseError(`PATCH ${path}`, response);
}

/** What `POST /admin/products/{id}/restock` answers: the product's stock after the restock. */
export interface StockLevel {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/**
 * Adds `quantity` units of a product as the admin, and returns its stock afterwards: the only view of the
 * units on hand and reserved (the public product shows what is available).
 *
 * @throws UnexpectedResponseError unless the API answers 200.
 */
export async function restock(target: ShopTarget, token: string, id: string, quantity: number): Promise<StockLevel> {
  const path = `/admin/products/${encodeURIComponent(id)}/restock`;
  const response = await callApi<StockLevel>(target, path, { method: 'POST', token, body: { quantity } });
  if (response.status !== 200) throw new UnexpectedResponseError(`POST ${path}`, response);
  return response.body;
}

import { setTimeout as sleep } from 'node:timers/promises';

/** The seeded catalog is not served as the storefront needs it. */
export class CatalogNotReadyError extends Error {
  override readonly name = 'CatalogNotReadyError';
  readonly code = 'DEV.CATALOG_NOT_READY';
}

interface ProductPage {
  readonly items: readonly { readonly images?: readonly { readonly key: string }[] }[];
  readonly nextCursor?: string;
}

export interface CheckCatalogOptions {
  /** Tries of a request answered 5xx (a function's first cold start may time out on a busy machine). */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
}

/**
 * Checks the catalog the dev stage seeds (a custom resource, run as the local cloud starts) through the API, page by
 * page, and that the first product image is served from the images base URL. Returns how many products are listed.
 *
 * @throws CatalogNotReadyError when the API refuses, lists nothing, or the image is not served.
 * @example
 * const count = await checkCatalog(endpoints.apiUrl, env.SHOP_IMAGES_URL); // 48
 */
export async function checkCatalog(apiUrl: string, imagesUrl: string, options: CheckCatalogOptions = {}): Promise<number> {
  const items: ProductPage['items'][number][] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor && { cursor }) });
    const response = await getWithRetries(`${apiUrl}/products?${query}`, options);
    if (response.status !== 200) throw new CatalogNotReadyError(`GET /products answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as ProductPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  if (items.length === 0) throw new CatalogNotReadyError('GET /products lists no product: the catalog was not seeded');
  const key = items.find((item) => item.images?.length)?.images?.[0]?.key;
  if (key) {
    const image = await getWithRetries(`${imagesUrl}/${key}`, options);
    await image.body?.cancel();
    if (image.status !== 200) throw new CatalogNotReadyError(`The product image ${imagesUrl}/${key} answered ${image.status}`);
  }
  return items.length;
}

async function getWithRetries(url: string, { attempts = 4, retryDelayMs = 2_000 }: CheckCatalogOptions): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url);
    if (response.status < 500 || attempt >= attempts) return response;
    await response.body?.cancel();
    await sleep(retryDelayMs);
  }
}

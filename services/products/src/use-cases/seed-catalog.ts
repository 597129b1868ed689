import { SkuTakenError } from '../domain/errors';
import { createProduct, type NewProduct } from '../domain/product';
import type { ImageStore, ProductRepository } from '../ports';

/** A product of the seed catalog: what an admin would create, plus its stock on hand. */
export type SeedProduct = NewProduct & { readonly stock: number };

export type SeedResult = { readonly created: number; readonly skipped: number; readonly images: number };

/** Products created at once; enough to seed a catalog in seconds without a burst of conflicting writes. */
const CONCURRENCY = 8;

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

/**
 * Loads a seed catalog idempotently: a product whose sku already exists is left as it is (an admin may
 * have changed it since), a new one is created through the repository, so ProductCreated goes out
 * through the outbox like any other. Images are uploaded every time; putting the same bytes again is harmless.
 */
export const makeSeedCatalog =
  ({ products, images, clock }: { products: ProductRepository; images: ImageStore; clock: () => Date }) =>
  async (catalog: readonly SeedProduct[], files: Readonly<Record<string, string>>): Promise<SeedResult> => {
    let created = 0;
    await inBatches(catalog, CONCURRENCY, async ({ stock, ...input }) => {
      if ((await products.getBySku(input.sku)) !== undefined) return;
      try {
        await products.create(createProduct(input, clock()), stock);
        created++;
      } catch (error) {
        // Another seed run got there first: the product exists, which is all this run wants.
        if (!(error instanceof SkuTakenError)) throw error;
      }
    });
    const keys = Object.keys(files);
    await inBatches(keys, CONCURRENCY, (key) => images.put(key, files[key] as string, 'image/svg+xml'));
    return { created, skipped: catalog.length - created, images: keys.length };
  };

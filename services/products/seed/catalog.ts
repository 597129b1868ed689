import { ProductSnapshot } from '@shop/events';
import { z } from 'zod';
import catalog from './catalog.json' with { type: 'json' };

/** Where seed images live in the images bucket; the file name under seed/images is the rest of the key. */
export const SEED_IMAGE_PREFIX = 'products/';

/** One image of a seed product: its key in the images bucket and the text a screen reader says for it. */
export const SeedImage = z.strictObject({
  key: z
    .string()
    .regex(/^products\/[a-z0-9-]+\.svg$/, 'Expected a key such as "products/mug-enamel-blu.svg"')
    .describe('Key of the image in the images bucket; seed/images holds the file of the same name.'),
  alt: z.string().min(1).max(200).describe('Alternative text: what the image shows.'),
});
export type SeedImage = z.infer<typeof SeedImage>;

// The snapshot's own field schemas, so a seed product is always one the product events can carry.
const snapshotFields = ProductSnapshot.pick({
  sku: true,
  name: true,
  description: true,
  category: true,
  price: true,
  taxRateBasisPoints: true,
  status: true,
}).shape;

/** A product of the seed catalog, with the stock on hand of its sku. */
export const SeedProduct = z.strictObject({
  ...snapshotFields,
  images: z.array(SeedImage).min(1).describe('The first image is the main one.'),
  stock: z.int().nonnegative().describe('Units on hand when the catalog is seeded.'),
});
export type SeedProduct = z.infer<typeof SeedProduct>;

/**
 * The seed catalog, checked against the schema when the module loads: a bad edit to catalog.json
 * fails the seed deployment loudly instead of writing a product the events cannot carry.
 */
export const SEED_PRODUCTS: readonly SeedProduct[] = Object.freeze(z.array(SeedProduct).parse(catalog.products));

/** The file under seed/images that holds a seed image, e.g. "mug-enamel-blu.svg" (SeedImage checks the key). */
export function seedImageFileName(image: SeedImage): string {
  return image.key.slice(SEED_IMAGE_PREFIX.length);
}

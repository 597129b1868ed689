import { z } from 'zod';
import { Money } from '../envelope';
import { ProductId, Sku, Timestamp } from '../identifiers';

/** The whole current state of a product, carried by the product events so consumers need nothing else. */
export const ProductSnapshot = z
  .object({
    id: ProductId,
    sku: Sku,
    name: z.string().min(1).max(200).describe('Name shown to customers and printed on invoices.'),
    description: z.string().max(5000).describe('Description shown on the product page.'),
    category: z.string().min(1).max(100).describe('Catalog category, e.g. "kitchen".'),
    price: Money.describe('Unit price before tax.'),
    taxRateBasisPoints: z
      .int()
      .min(0)
      .max(10000)
      .describe('Tax rate that applies to the product, in basis points: 2000 is 20%, 0 is zero-rated.'),
    imageKey: z
      .string()
      .min(1)
      .max(1024)
      .optional()
      .describe(
        "Key of the main image in the products service's images bucket, e.g. \"products/mug-enamel-blu.svg\". " +
          'Clients build the URL from their own images base URL, so the event holds no host name.',
      ),
    status: z
      .enum(['ACTIVE', 'DISCONTINUED'])
      .describe('ACTIVE products can be ordered; DISCONTINUED ones stay on past orders only.'),
    revision: z
      .int()
      .positive()
      .describe(
        'Starts at 1 and grows with each change. EventBridge does not keep order: apply an event only if its revision is higher than the one you hold.',
      ),
    updatedAt: Timestamp.describe('When this revision was saved.'),
  })
  .describe('The product as it is now.');
export type ProductSnapshot = z.infer<typeof ProductSnapshot>;

/** The fields of a product that a ProductInfoUpdated event says changed. */
export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'description',
  'category',
  'price',
  'taxRateBasisPoints',
  'imageKey',
  'status',
] as const;

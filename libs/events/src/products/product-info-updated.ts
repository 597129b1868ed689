import { z } from 'zod';
import { defineEvent } from '../define-event';
import { PRODUCT_FIELDS, ProductSnapshot } from './product';

export const ProductInfoUpdated = defineEvent({
  producer: 'products',
  detailType: 'Product.ProductInfoUpdated',
  version: '1',
  description:
    "A product's details or price changed. Carries the whole current product (event-carried state transfer), " +
    'so a consumer replaces its copy and never calls products back.',
  consumers: [
    {
      service: 'orders',
      purpose:
        'Replaces the product in its copy of the catalog (if the revision is newer), so new carts get the new price.',
    },
  ],
  data: z.object({
    product: ProductSnapshot,
    changedFields: z
      .array(z.enum(PRODUCT_FIELDS))
      .min(1)
      .describe('Which fields this revision changed, for consumers that only care about some.'),
  }),
  sample: {
    product: {
      id: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7',
      sku: 'MUG-ENAMEL-BLU',
      name: 'Enamel camping mug, blue',
      description: 'A 350 ml enamel steel mug with a rolled rim. Dishwasher safe.',
      category: 'kitchen',
      price: { amount: 1100, currency: 'GBP' },
      taxRateBasisPoints: 2000,
      imageKey: 'products/mug-enamel-blu.svg',
      status: 'ACTIVE',
      revision: 4,
      updatedAt: '2025-03-12T16:40:21.503Z',
    },
    changedFields: ['price'],
  },
});
export type ProductInfoUpdatedData = z.infer<typeof ProductInfoUpdated.data>;

import { z } from 'zod';
import { defineEvent } from '../define-event';
import { ProductSnapshot } from './product';

export const ProductCreated = defineEvent({
  producer: 'products',
  detailType: 'Product.ProductCreated',
  version: '1',
  description: 'A product was added to the catalog. Carries the whole product, at revision 1.',
  consumers: [
    {
      service: 'orders',
      purpose: 'Adds the product to its own copy of the catalog, which it prices carts from.',
    },
  ],
  data: z.object({ product: ProductSnapshot }),
  sample: {
    product: {
      id: 'prod_01JPB4Q3W8X2K5M7N9R1T3V5Y7',
      sku: 'MUG-ENAMEL-BLU',
      name: 'Enamel camping mug, blue',
      description: 'A 350 ml enamel steel mug with a rolled rim. Dishwasher safe.',
      category: 'kitchen',
      price: { amount: 1250, currency: 'GBP' },
      taxRateBasisPoints: 2000,
      imageKey: 'products/mug-enamel-blu.svg',
      status: 'ACTIVE',
      revision: 1,
      updatedAt: '2025-03-10T08:15:00.000Z',
    },
  },
});
export type ProductCreatedData = z.infer<typeof ProductCreated.data>;

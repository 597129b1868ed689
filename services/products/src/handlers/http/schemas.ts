import { z } from 'zod';
import { PRODUCT_SORTS } from '../../domain/catalog-query';
import { MAX_IMAGES, MAX_RESTOCK_QUANTITY } from '../../domain/product-rules';
import { PRODUCT_STATUSES } from '../../domain/product';

// Shapes and types only; the catalog rules (sku format, slug categories…) live in the domain, which
// reports a broken one as PRODUCTS.INVALID_REQUEST naming the field.

export const ListProductsQuery = z.strictObject({
  category: z.string().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(PRODUCT_SORTS).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(4096).optional(),
});

export const ProductPath = z.object({ id: z.string().min(1).max(64) });

const Money = z.strictObject({
  amount: z.int().nonnegative().describe('Minor units: 1250 is £12.50.'),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
const Image = z.strictObject({ key: z.string().min(1).max(300), alt: z.string().min(1).max(300) });
const Images = z.array(Image).max(MAX_IMAGES);

export const CreateProductBody = z.strictObject({
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  category: z.string().min(1).max(100),
  price: Money,
  taxRateBasisPoints: z.int().min(0).max(10000),
  images: Images.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  stock: z.int().min(0).max(MAX_RESTOCK_QUANTITY).optional(),
});

export const UpdateProductBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    price: Money.optional(),
    images: Images.optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Change at least one field');

export const RestockBody = z.strictObject({ quantity: z.int().positive().max(MAX_RESTOCK_QUANTITY) });

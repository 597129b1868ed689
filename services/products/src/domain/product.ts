import { newProductId, type RandomBytes } from './ids';
import {
  checkCategory,
  checkDescription,
  checkImages,
  checkName,
  checkPrice,
  checkSku,
  checkTaxRate,
  fail,
} from './product-rules';

export const PRODUCT_STATUSES = ['ACTIVE', 'DISCONTINUED'] as const;
/** ACTIVE products can be ordered; DISCONTINUED ones stay visible by id (past orders link to them) only. */
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Integer minor units (pence for GBP) and an ISO 4217 currency. */
export type Money = { readonly amount: number; readonly currency: string };
/** An image in the images bucket (`key`), described for screen readers (`alt`). */
export type ProductImage = { readonly key: string; readonly alt: string };

export type Product = {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly price: Money;
  readonly taxRateBasisPoints: number;
  readonly images: readonly ProductImage[];
  readonly status: ProductStatus;
  /** 1 when created, +1 for every saved change; consumers of the events apply only higher revisions. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** What an admin gives to create a product. */
export type NewProduct = {
  readonly sku: string;
  readonly name: string;
  readonly description?: string;
  readonly category: string;
  readonly price: Money;
  readonly taxRateBasisPoints: number;
  readonly images?: readonly ProductImage[];
  readonly status?: ProductStatus;
};

/** The fields an admin may change after creation; sku and category are fixed once stock and links exist. */
export const UPDATABLE_FIELDS = ['name', 'description', 'price', 'images', 'status'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];
export type ProductChanges = { readonly [F in UpdatableField]?: Product[F] };

function checkStatus(status: string): ProductStatus {
  if (!(PRODUCT_STATUSES as readonly string[]).includes(status)) fail('status', 'expected ACTIVE or DISCONTINUED');
  return status as ProductStatus;
}

/**
 * A new product at revision 1, every field checked against the catalog rules.
 *
 * @throws InvalidProductError naming the first field that breaks a rule.
 */
export function createProduct(input: NewProduct, now: Date, random?: RandomBytes): Product {
  const timestamp = now.toISOString();
  return {
    id: newProductId(now, random),
    sku: checkSku(input.sku),
    name: checkName(input.name),
    description: checkDescription(input.description ?? ''),
    category: checkCategory(input.category),
    price: checkPrice(input.price),
    taxRateBasisPoints: checkTaxRate(input.taxRateBasisPoints),
    images: checkImages(input.images ?? []),
    status: checkStatus(input.status ?? 'ACTIVE'),
    revision: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

const CHECKS: { readonly [F in UpdatableField]: (value: never) => Product[F] } = {
  name: checkName,
  description: checkDescription,
  price: checkPrice,
  images: checkImages,
  status: checkStatus,
};

// Values are plain data (strings, numbers, arrays of plain objects), so JSON equality is exact here.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies an admin's changes. Only fields whose value really changes count: changing nothing leaves the
 * product as it is (same revision), so no event is published for a no-op.
 *
 * @throws InvalidProductError naming the first field that breaks a rule.
 */
export function updateProduct(
  product: Product,
  changes: ProductChanges,
  now: Date,
): { product: Product; changedFields: UpdatableField[] } {
  const next: Record<string, unknown> = { ...product };
  const changedFields: UpdatableField[] = [];
  for (const field of UPDATABLE_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const checked = CHECKS[field](value as never);
    if (same(checked, product[field])) continue;
    next[field] = checked;
    changedFields.push(field);
  }
  if (changedFields.length === 0) return { product, changedFields };
  const updated = { ...(next as Product), revision: product.revision + 1, updatedAt: now.toISOString() };
  return { product: updated, changedFields };
}

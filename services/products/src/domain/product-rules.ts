import { InvalidProductError } from './errors';

// The limits match the event contract (libs/events ProductSnapshot), so every saved product can be published.
const SKU = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const CATEGORY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CURRENCY = /^[A-Z]{3}$/;
const IMAGE_KEY = /^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/;
export const MAX_IMAGES = 10;
/** The most a single restock may add; far above any real delivery, it catches typos (an extra 000). */
export const MAX_RESTOCK_QUANTITY = 100_000;

/** @internal */
export function fail(field: string, message: string): never {
  throw new InvalidProductError(field, message);
}

export function checkSku(sku: string): string {
  if (sku.length > 64 || !SKU.test(sku)) fail('sku', 'expected upper-case letters and digits joined by "-"');
  return sku;
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) fail('name', 'expected 1 to 200 characters');
  return trimmed;
}

export function checkDescription(description: string): string {
  if (description.length > 5000) fail('description', 'expected at most 5000 characters');
  return description.trim();
}

export function checkCategory(category: string): string {
  if (category.length > 100 || !CATEGORY.test(category))
    fail('category', 'expected a lower-case slug such as "kitchen"');
  return category;
}

export function checkPrice(price: { amount: number; currency: string }): { amount: number; currency: string } {
  if (!Number.isSafeInteger(price.amount)) fail('price.amount', 'expected a whole number of minor units');
  if (price.amount < 0) fail('price.amount', 'must not be negative');
  if (!CURRENCY.test(price.currency)) fail('price.currency', 'expected an ISO 4217 code such as "GBP"');
  return { amount: price.amount, currency: price.currency };
}

export function checkTaxRate(basisPoints: number): number {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10000) {
    fail('taxRateBasisPoints', 'expected a whole number from 0 to 10000');
  }
  return basisPoints;
}

export function checkImages(images: readonly { key: string; alt: string }[]): { key: string; alt: string }[] {
  if (images.length > MAX_IMAGES) fail('images', `expected at most ${MAX_IMAGES} images`);
  return images.map(({ key, alt }, i) => {
    if (key.length > 300 || !IMAGE_KEY.test(key))
      fail(`images[${i}].key`, 'expected an S3 key such as "products/mug.svg"');
    const text = alt.trim();
    if (text.length === 0 || text.length > 300) fail(`images[${i}].alt`, 'expected 1 to 300 characters of alt text');
    return { key, alt: text };
  });
}

/**
 * A quantity of stock to add: a positive whole number, at most `MAX_RESTOCK_QUANTITY`.
 *
 * @example
 * checkRestockQuantity(24); // 24
 */
export function checkRestockQuantity(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity <= 0) fail('quantity', 'expected a positive whole number');
  if (quantity > MAX_RESTOCK_QUANTITY) fail('quantity', `expected at most ${MAX_RESTOCK_QUANTITY}`);
  return quantity;
}

/** Stock a new product starts with: a whole number, zero or more. */
export function checkInitialStock(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 0) fail('stock', 'expected a whole number, zero or more');
  if (quantity > MAX_RESTOCK_QUANTITY) fail('stock', `expected at most ${MAX_RESTOCK_QUANTITY}`);
  return quantity;
}

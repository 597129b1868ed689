import type { Stock } from './inventory';
import { createProduct, type NewProduct, type Product } from './product';

/** Fixed instants and a fixed "random" source, so ids and timestamps in tests are predictable. */
export const NOW = new Date('2025-03-14T09:26:53.120Z');
export const LATER = new Date('2025-03-14T10:00:00.000Z');
export const zeros = (length: number) => new Uint8Array(length);

export function aNewProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  return {
    sku: 'MUG-ENAMEL-BLU',
    name: 'Enamel camping mug, blue',
    description: 'A 350 ml enamel steel mug with a rolled rim.',
    category: 'kitchen',
    price: { amount: 1250, currency: 'GBP' },
    taxRateBasisPoints: 2000,
    images: [{ key: 'products/mug-enamel-blu.svg', alt: 'A blue enamel mug' }],
    ...overrides,
  };
}

export function aProduct(overrides: Partial<NewProduct> = {}, now = NOW): Product {
  return createProduct(aNewProduct(overrides), now);
}

export function aStock(overrides: Partial<Stock> = {}): Stock {
  const onHand = overrides.onHand ?? 10;
  const reserved = overrides.reserved ?? 0;
  return {
    sku: 'MUG-ENAMEL-BLU',
    productId: 'prod_1',
    productStatus: 'ACTIVE',
    onHand,
    reserved,
    available: onHand - reserved,
    ...overrides,
  };
}

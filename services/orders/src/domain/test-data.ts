import type { ProductSnapshot } from '@shop/events';
import { catalogOf, type Catalog, type CatalogProduct } from './catalog';

/** Fixed instants, so timestamps and expiry times in tests are predictable. */
export const NOW = new Date('2025-03-14T09:26:53.120Z');
export const LATER = new Date('2025-03-14T10:00:00.000Z');
/** NOW in epoch seconds. */
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export function aProduct(overrides: Partial<CatalogProduct> = {}): CatalogProduct {
  return {
    id: 'prod_mug',
    sku: 'MUG-ENAMEL-BLU',
    name: 'Enamel camping mug, blue',
    price: { amount: 1250, currency: 'GBP' },
    taxRateBasisPoints: 2000,
    status: 'ACTIVE',
    revision: 1,
    ...overrides,
  };
}

export const MUG = aProduct();
export const TEA = aProduct({
  id: 'prod_tea',
  sku: 'TEA-EARLGREY-250',
  name: 'Earl Grey loose leaf tea, 250 g',
  price: { amount: 850, currency: 'GBP' },
  taxRateBasisPoints: 0,
});
export const LAMP = aProduct({
  id: 'prod_lamp',
  sku: 'LAMP-BRASS-DESK',
  name: 'Brass desk lamp',
  status: 'DISCONTINUED',
});

export const aCatalog = (...products: CatalogProduct[]): Catalog => catalogOf(products);
export const CATALOG = aCatalog(MUG, TEA, LAMP);

export function aSnapshot(overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return {
    id: 'prod_mug',
    sku: 'MUG-ENAMEL-BLU',
    name: 'Enamel camping mug, blue',
    description: 'A 350 ml enamel steel mug with a rolled rim.',
    category: 'kitchen',
    price: { amount: 1250, currency: 'GBP' },
    taxRateBasisPoints: 2000,
    imageKey: 'products/mug-enamel-blu.svg',
    status: 'ACTIVE',
    revision: 1,
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

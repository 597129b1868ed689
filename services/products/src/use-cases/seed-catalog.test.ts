import { describe, expect, it } from 'vitest';
import { aNewProduct, aProduct, NOW } from '../domain/test-data';
import { InMemoryImages, InMemoryProducts } from '../test-support/in-memory-products';
import { makeSeedCatalog } from './seed-catalog';

describe('makeSeedCatalog', () => {
  it('creates the missing products, leaves existing ones alone and uploads every image', async () => {
    const products = new InMemoryProducts();
    const images = new InMemoryImages();
    const existing = aProduct({ sku: 'MUG', name: 'Renamed by an admin' });
    await products.create(existing, 2);
    const seed = makeSeedCatalog({ products, images, clock: () => NOW });

    const result = await seed(
      [
        { ...aNewProduct({ sku: 'MUG' }), stock: 50 },
        { ...aNewProduct({ sku: 'TEA' }), stock: 9 },
      ],
      { 'products/tea.svg': '<svg/>' },
    );

    expect(result).toEqual({ created: 1, skipped: 1, images: 1 });
    expect(await products.getBySku('MUG')).toEqual(existing);
    expect(await products.getStock('MUG')).toMatchObject({ onHand: 2 });
    expect(await products.getStock('TEA')).toMatchObject({ onHand: 9 });
    expect(images.objects.get('products/tea.svg')).toEqual({ body: '<svg/>', contentType: 'image/svg+xml' });
  });
});

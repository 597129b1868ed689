import { describe, expect, it } from 'vitest';
import { InvalidProductError } from './errors';
import { createProduct, updateProduct } from './product';
import { aNewProduct, aProduct, LATER, NOW } from './test-data';

describe('createProduct', () => {
  it('creates an active product at revision 1', () => {
    const product = createProduct(aNewProduct(), NOW);

    expect(product).toMatchObject({ sku: 'MUG-ENAMEL-BLU', status: 'ACTIVE', revision: 1 });
    expect(product.id).toMatch(/^prod_/);
    expect(product.createdAt).toBe(NOW.toISOString());
    expect(product.updatedAt).toBe(NOW.toISOString());
  });

  it('trims the name and defaults the description and images', () => {
    const product = createProduct(aNewProduct({ name: '  Mug  ', description: undefined, images: undefined }), NOW);

    expect(product).toMatchObject({ name: 'Mug', description: '', images: [] });
  });

  it.each([
    ['a negative price', { price: { amount: -1, currency: 'GBP' } }, 'price.amount'],
    ['a fractional price', { price: { amount: 12.5, currency: 'GBP' } }, 'price.amount'],
    ['a currency that is not ISO 4217', { price: { amount: 100, currency: 'pounds' } }, 'price.currency'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a lower-case sku', { sku: 'mug-blue' }, 'sku'],
    ['a category with spaces', { category: 'Home Kitchen' }, 'category'],
    ['a tax rate above 100%', { taxRateBasisPoints: 10001 }, 'taxRateBasisPoints'],
    ['an image without alt text', { images: [{ key: 'products/a.svg', alt: ' ' }] }, 'images[0].alt'],
    ['an image key with a leading slash', { images: [{ key: '/products/a.svg', alt: 'A' }] }, 'images[0].key'],
  ])('refuses %s', (_what, overrides, field) => {
    const act = () => createProduct(aNewProduct(overrides), NOW);

    expect(act).toThrow(InvalidProductError);
    expect(act).toThrow(expect.objectContaining({ code: 'PRODUCTS.INVALID_REQUEST', field }));
  });

  it('refuses a status it does not know', () => {
    const act = () => createProduct(aNewProduct({ status: 'HIDDEN' as never }), NOW);

    expect(act).toThrow(expect.objectContaining({ field: 'status' }));
  });
});

describe('updateProduct', () => {
  it('applies the changes, bumps the revision and lists the changed fields', () => {
    const product = aProduct();

    const result = updateProduct(product, { price: { amount: 1100, currency: 'GBP' }, name: 'Blue mug' }, LATER);

    expect(result.changedFields).toEqual(['name', 'price']);
    expect(result.product).toMatchObject({ name: 'Blue mug', price: { amount: 1100 }, revision: 2 });
    expect(result.product.updatedAt).toBe(LATER.toISOString());
    expect(result.product.createdAt).toBe(product.createdAt);
  });

  it('leaves the product as it is when nothing really changes', () => {
    const product = aProduct();

    const result = updateProduct(product, { name: product.name, price: { ...product.price } }, LATER);

    expect(result.changedFields).toEqual([]);
    expect(result.product).toBe(product);
  });

  it('discontinues a product', () => {
    const result = updateProduct(aProduct(), { status: 'DISCONTINUED' }, LATER);

    expect(result.product.status).toBe('DISCONTINUED');
    expect(result.changedFields).toEqual(['status']);
  });

  it('refuses a negative price and changes nothing', () => {
    const product = aProduct();

    const act = () => updateProduct(product, { price: { amount: -5, currency: 'GBP' } }, LATER);

    expect(act).toThrow(expect.objectContaining({ field: 'price.amount' }));
    expect(product.price.amount).toBe(1250);
  });
});

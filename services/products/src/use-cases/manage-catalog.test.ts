import { describe, expect, it } from 'vitest';
import { ProductConflictError, ProductNotFoundError } from '../domain/errors';
import { aNewProduct, LATER, NOW } from '../domain/test-data';
import { InMemoryProducts } from '../test-support/in-memory-products';
import { makeCreateProduct, makeRestockProduct, makeUpdateProduct } from './manage-catalog';

function aCatalog() {
  const products = new InMemoryProducts();
  const deps = { products, clock: () => LATER };
  return {
    products,
    create: makeCreateProduct({ products, clock: () => NOW }),
    update: makeUpdateProduct(deps),
    restock: makeRestockProduct(deps),
  };
}

describe('makeCreateProduct', () => {
  it('creates the product with its initial stock', async () => {
    const { products, create } = aCatalog();

    const product = await create({ ...aNewProduct(), stock: 5 });

    expect(products.products.get(product.id)).toEqual(product);
    expect(products.stocks.get(product.sku)).toMatchObject({ onHand: 5, available: 5 });
  });

  it('refuses a negative initial stock and saves nothing', async () => {
    const { products, create } = aCatalog();

    await expect(create({ ...aNewProduct(), stock: -1 })).rejects.toThrow(expect.objectContaining({ field: 'stock' }));
    expect(products.products.size).toBe(0);
  });
});

describe('makeUpdateProduct', () => {
  it('re-applies the change to a product another admin saved in between', async () => {
    const { products, create, update } = aCatalog();
    const product = await create(aNewProduct());
    products.interleaved.push({ ...product, name: 'Renamed by someone else', revision: 2 });

    const updated = await update(product.id, { price: { amount: 999, currency: 'GBP' } });

    expect(updated).toMatchObject({ name: 'Renamed by someone else', price: { amount: 999 }, revision: 3 });
  });

  it('gives up with a conflict when others keep saving first', async () => {
    const { products, create, update } = aCatalog();
    const product = await create(aNewProduct());
    products.interleaved.push(...[2, 3, 4].map((revision) => ({ ...product, revision })));

    await expect(update(product.id, { name: 'Mine' })).rejects.toThrow(ProductConflictError);
  });

  it('saves nothing when nothing changes', async () => {
    const { products, create, update } = aCatalog();
    const product = await create(aNewProduct());

    const same = await update(product.id, { name: product.name });

    expect(same).toEqual(product);
    expect(products.updates).toEqual([]);
  });

  it('refuses an unknown product', async () => {
    const { update } = aCatalog();

    await expect(update('prod_missing', { name: 'x' })).rejects.toThrow(ProductNotFoundError);
  });
});

describe('makeRestockProduct', () => {
  it('restocks the sku of the product', async () => {
    const { create, restock } = aCatalog();
    const product = await create({ ...aNewProduct(), stock: 1 });

    expect(await restock(product.id, 4)).toMatchObject({ onHand: 5 });
  });

  it('refuses a quantity that is not a positive whole number before looking anything up', async () => {
    const { restock } = aCatalog();

    await expect(restock('prod_missing', 0)).rejects.toThrow(
      expect.objectContaining({ code: 'PRODUCTS.INVALID_REQUEST' }),
    );
  });
});

import { ProductConflictError, ProductNotFoundError } from '../domain/errors';
import type { Stock } from '../domain/inventory';
import { createProduct, updateProduct, type NewProduct, type Product, type ProductChanges } from '../domain/product';
import { checkInitialStock, checkRestockQuantity } from '../domain/product-rules';
import type { ProductRepository } from '../ports';

type Deps = { readonly products: ProductRepository; readonly clock: () => Date };

/** How often an update is re-applied to a freshly read product when another admin saved in between. */
const UPDATE_ATTEMPTS = 3;

/**
 * Creates a product (and its stock), publishing Product.ProductCreated.
 *
 * @throws InvalidProductError, SkuTakenError
 */
export const makeCreateProduct =
  ({ products, clock }: Deps) =>
  async (input: NewProduct & { stock?: number }): Promise<Product> => {
    const product = createProduct(input, clock());
    await products.create(product, checkInitialStock(input.stock ?? 0));
    return product;
  };

/**
 * Changes a product and publishes Product.ProductInfoUpdated with the whole product. Changes are absolute
 * values, so re-applying them to a product someone else saved meanwhile is safe.
 *
 * @throws ProductNotFoundError, InvalidProductError, ProductConflictError
 */
export const makeUpdateProduct =
  ({ products, clock }: Deps) =>
  async (id: string, changes: ProductChanges): Promise<Product> => {
    for (let attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
      const current = await products.get(id);
      if (current === undefined) throw new ProductNotFoundError(id);
      const { product, changedFields } = updateProduct(current, changes, clock());
      if (changedFields.length === 0) return current;
      if (await products.update(current, product, changedFields)) return product;
    }
    throw new ProductConflictError(id);
  };

/**
 * Adds delivered units to a product's stock.
 *
 * @throws ProductNotFoundError, InvalidProductError
 */
export const makeRestockProduct =
  ({ products }: Pick<Deps, 'products'>) =>
  async (id: string, quantity: number): Promise<Stock> => {
    checkRestockQuantity(quantity);
    const product = await products.get(id);
    if (product === undefined) throw new ProductNotFoundError(id);
    return products.restock(product.sku, quantity);
  };

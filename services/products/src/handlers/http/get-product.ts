import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import { tableName } from '../../config';
import { PRODUCT_ERROR_STATUS, ProductNotFoundError } from '../../domain/errors';
import { documentClient } from '../dependencies';
import { ProductPath } from './schemas';

const products = new DynamoProductRepository({ doc: documentClient, tableName: tableName() });

/**
 * GET /products/{id} → the product, whatever its status (past orders link to discontinued ones), with
 * the units available now.
 */
export const handler = makeHttpHandler(
  { request: { path: ProductPath }, errors: PRODUCT_ERROR_STATUS },
  async ({ path }) => {
    const product = await products.get(path.id);
    if (product === undefined) throw new ProductNotFoundError(path.id);
    const stock = await products.getStock(product.sku);
    return ok({ ...product, available: stock?.available ?? 0 });
  },
);

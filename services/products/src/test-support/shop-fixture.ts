import { DynamoProductRepository } from '../adapters/dynamodb-product-repository';
import { aProduct } from '../domain/test-data';
import { createIdempotencyTable, createProductsTable, uniqueTableName, type LocalAws } from './local-aws';

/** A products table with one mug in stock, and an idempotency table: what the queue consumers need. */
export async function aShopWithAMug(aws: LocalAws, stock: number) {
  const tableName = uniqueTableName('shop');
  const idempotencyTableName = uniqueTableName('idempotency');
  await createProductsTable(aws.client, tableName);
  await createIdempotencyTable(aws.client, idempotencyTableName);
  const products = new DynamoProductRepository({ doc: aws.doc, tableName });
  const mug = aProduct({ sku: 'MUG-ENAMEL-BLU' });
  await products.create(mug, stock);
  const line = (quantity: number) => ({ sku: mug.sku, productId: mug.id, quantity });
  return { tableName, idempotencyTableName, products, mug, line };
}

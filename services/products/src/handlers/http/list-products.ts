import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { DynamoProductCatalog } from '../../adapters/dynamodb-catalog';
import { tableName } from '../../config';
import { PRODUCT_ERROR_STATUS } from '../../domain/errors';
import { documentClient } from '../dependencies';
import { ListProductsQuery } from './schemas';

const catalog = new DynamoProductCatalog({ doc: documentClient, tableName: tableName() });

/** GET /products?category=&q=&sort=&limit=&cursor= → `{ items, nextCursor? }` (active products only). */
export const handler = makeHttpHandler(
  { request: { query: ListProductsQuery }, errors: PRODUCT_ERROR_STATUS },
  async ({ query }) => {
    const { category, q, sort, limit, cursor } = query;
    const page = await catalog.list({ sort, limit, ...(category && { category }), ...(q && { search: q }) }, cursor);
    return ok(page);
  },
);

import { ProductCreated, ProductInfoUpdated } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, type EventOf } from '@shop/lambda-kit';
import { z } from 'zod';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { toCatalogProduct } from '../../domain';
import { idempotencyTableName, tableName } from '../config';
import { documentClient, dynamoDbClient } from '../dependencies';
import { assertDetailType } from './detail-type';

const catalog = new DynamoCatalogCopy({ doc: documentClient, tableName: tableName() });

/** Both events carry the whole product; the queue's rule delivers either. */
const ProductChanged = {
  source: ProductCreated.source,
  detail: z.union([ProductInfoUpdated.detail, ProductCreated.detail]),
};
type ProductChangedEvent = EventOf<typeof ProductChanged>;

/**
 * Keeps the catalog copy current. Deliveries come at least once and in any order: the write is
 * conditional on the stored revision (a late or repeated revision is a no-op, not a failure), and
 * Powertools idempotency, keyed on product and revision, skips a repeat before it reaches the table.
 */
const applyOnce = makeIdempotentFunction(
  async (event: ProductChangedEvent) => {
    assertDetailType(event, [ProductCreated, ProductInfoUpdated]);
    const product = toCatalogProduct(event.detail.data.product);
    const written = await catalog.put(product);
    logger.info(written ? 'Catalog copy updated' : 'Catalog copy already newer; event ignored', {
      productId: product.id,
      revision: product.revision,
    });
    return { productId: product.id, revision: product.revision, written };
  },
  {
    tableName: idempotencyTableName(),
    key: (event) => `${event.detail.data.product.id}#${event.detail.data.product.revision}`,
    client: dynamoDbClient,
  },
);

export const handler = makeSqsHandler(ProductChanged, applyOnce);

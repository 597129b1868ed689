import { ProductCreated, ProductInfoUpdated, type ProductSnapshot } from '@shop/events';
import { aLambdaContext, anSqsEvent, anSqsRecord, anEventBridgeEvent } from '@shop/lambda-kit/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { aSnapshot } from '../../domain/test-data';
import { aRecordOf } from '../testing/events';
import { startHandlerAws, type HandlerAws } from '../testing/handler-env';

let aws: HandlerAws;
let catalog: DynamoCatalogCopy;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  aws = await startHandlerAws();
  catalog = new DynamoCatalogCopy({ doc: aws.doc, tableName: aws.tableName });
  ({ handler } = await import('./product-changed'));
});
afterAll(() => aws.stop());

const created = (product: ProductSnapshot) => aRecordOf(ProductCreated, { product });
const updated = (product: ProductSnapshot) => aRecordOf(ProductInfoUpdated, { product, changedFields: ['price'] });
const revision = (id: string, n: number) =>
  aSnapshot({ id, revision: n, price: { amount: 1000 + n, currency: 'GBP' } });

describe('product-changed handler', () => {
  it('adds a created product to the catalog copy', async () => {
    const response = await handler(anSqsEvent([created(aSnapshot({ id: 'prod_new' }))]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await catalog.get('prod_new')).toMatchObject({ id: 'prod_new', sku: 'MUG-ENAMEL-BLU', revision: 1 });
  });

  it('keeps the newest revision when an older update arrives after it', async () => {
    await handler(anSqsEvent([created(revision('prod_order', 1))]), aLambdaContext());
    await handler(anSqsEvent([updated(revision('prod_order', 3))]), aLambdaContext());

    const late = await handler(anSqsEvent([updated(revision('prod_order', 2))]), aLambdaContext());

    expect(late.batchItemFailures).toEqual([]);
    expect(await catalog.get('prod_order')).toMatchObject({ revision: 3, price: { amount: 1003 } });
  });

  it('ends at the newest revision when a batch holds revisions out of order', async () => {
    const batch = anSqsEvent([4, 2, 5, 1, 3].map((n) => (n === 1 ? created : updated)(revision('prod_batch', n))));

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await catalog.get('prod_batch')).toMatchObject({ revision: 5, price: { amount: 1005 } });
  });

  it('changes nothing when the same event is delivered twice', async () => {
    const event = updated({ ...revision('prod_twice', 2), name: 'Mug, second edition' });
    await handler(anSqsEvent([event]), aLambdaContext());

    const again = await handler(anSqsEvent([{ ...event, messageId: 'redelivered' }]), aLambdaContext());

    expect(again.batchItemFailures).toEqual([]);
    expect(await catalog.get('prod_twice')).toMatchObject({ revision: 2, name: 'Mug, second edition' });
  });

  it('fails only the records that are not product events', async () => {
    const foreign = anEventBridgeEvent({
      source: 'shop.products',
      detailType: 'Product.ProductRenamed',
      detail: { metadata: ProductCreated.sampleDetail.metadata, data: { product: aSnapshot({ id: 'prod_odd' }) } },
    });
    const batch = anSqsEvent([
      anSqsRecord('poison', 'not json'),
      anSqsRecord('foreign', foreign),
      created(aSnapshot({ id: 'prod_fine' })),
    ]);

    const response = await handler(batch, aLambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }, { itemIdentifier: 'foreign' }]);
    expect(await catalog.get('prod_odd')).toBeUndefined();
    expect(await catalog.get('prod_fine')).toBeDefined();
  });
});

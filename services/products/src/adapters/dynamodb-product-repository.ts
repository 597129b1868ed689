import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ProductNotFoundError, SkuTakenError } from '../domain/errors';
import { newStock, restockChange, type Stock } from '../domain/inventory';
import type { Product, UpdatableField } from '../domain/product';
import type { ProductRepository } from '../ports';
import { outboxPut } from './outbox';
import { changedSnapshotFields, productCreated, productInfoUpdated } from './product-events';
import { stockUpdate } from './stock-updates';
import {
  CATALOG_PARTITION,
  INDEX_BY_SKU,
  productFromItem,
  productItem,
  productKey,
  stockFromItem,
  stockItem,
  stockKey,
} from './table';
import { CONDITION_FAILED, transactWrite, type TransactItem } from './transactions';

export type TableOptions = {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly clock?: () => Date;
};

/** Products and stock in the products table; see the README for the item design. */
export class DynamoProductRepository implements ProductRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => Date;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
    this.clock = options.clock ?? (() => new Date());
  }

  async create(product: Product, initialStock: number): Promise<void> {
    const now = this.clock();
    const stock = newStock(product.sku, product.id, product.status, initialStock);
    const result = await transactWrite(this.doc, [
      this.put(productItem(product)),
      // The stock item is keyed by sku, so creating it only if absent is what keeps skus unique.
      this.put(stockItem(stock, now)),
      outboxPut(this.tableName, productCreated(product), now),
    ]);
    if (!result.committed && result.reasons[1] === CONDITION_FAILED) throw new SkuTakenError(product.sku);
    if (!result.committed)
      throw new Error(`Creating product ${product.id} was cancelled: ${result.reasons.join(', ')}`);
  }

  async get(id: string): Promise<Product | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: productKey(id) }));
    return Item === undefined ? undefined : productFromItem(Item);
  }

  async getBySku(sku: string): Promise<Product | undefined> {
    const { Items = [] } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX_BY_SKU,
        KeyConditionExpression: 'gsi2pk = :catalog AND gsi2sk = :sku',
        ExpressionAttributeValues: { ':catalog': CATALOG_PARTITION, ':sku': sku },
      }),
    );
    return Items[0] === undefined ? undefined : productFromItem(Items[0]);
  }

  async update(previous: Product, next: Product, changedFields: readonly UpdatableField[]): Promise<boolean> {
    const now = this.clock();
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: productItem(next),
          ConditionExpression: 'revision = :revision',
          ExpressionAttributeValues: { ':revision': previous.revision },
        },
      },
    ];
    if (changedFields.includes('status')) items.push(this.copyStatusToStock(next, now));
    const snapshotFields = changedSnapshotFields(previous, next, changedFields);
    if (snapshotFields.length > 0) items.push(outboxPut(this.tableName, productInfoUpdated(next, snapshotFields), now));
    const result = await transactWrite(this.doc, items);
    if (!result.committed && result.reasons[0] === CONDITION_FAILED) return false;
    if (!result.committed) throw new Error(`Updating product ${next.id} was cancelled: ${result.reasons.join(', ')}`);
    return true;
  }

  async restock(sku: string, quantity: number): Promise<Stock> {
    try {
      const { Attributes } = await this.doc.send(
        new UpdateCommand({
          ...stockUpdate(this.tableName, restockChange(sku, quantity), this.clock()),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stockFromItem(Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ProductNotFoundError(`with SKU ${sku}`, { cause: error });
      throw error;
    }
  }

  async getStock(sku: string): Promise<Stock | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: stockKey(sku), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : stockFromItem(Item);
  }

  private put(item: Record<string, unknown>): TransactItem {
    return { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** Reservations check the product's status on the stock item they decrement, so it must follow the product. */
  private copyStatusToStock(product: Product, now: Date): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: stockKey(product.sku),
        UpdateExpression: 'SET productStatus = :status, updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':status': product.status, ':now': now.toISOString() },
      },
    };
  }
}

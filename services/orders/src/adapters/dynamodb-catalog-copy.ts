import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalogOf, type Catalog, type CatalogProduct } from '../domain';
import type { TableOptions } from './dynamodb-cart-repository';
import { productFromItem, productItem, productKey, type Item } from './table';

/** BatchGetItem reads at most 100 keys a call; a cart holds at most 50 products. */
const BATCH_GET_LIMIT = 100;

/**
 * The orders service's copy of the catalog (`PRODUCT#<id>` items), fed by the product events. Writes
 * are conditional on the stored revision, so deliveries out of order or twice never go backwards.
 */
export class DynamoCatalogCopy {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
  }

  async get(productId: string): Promise<CatalogProduct | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: productKey(productId) }));
    return Item === undefined ? undefined : productFromItem(Item);
  }

  /** The products with these ids that the copy holds (unknown ids are simply absent). */
  async getMany(productIds: readonly string[]): Promise<Catalog> {
    const ids = [...new Set(productIds)];
    const items: Item[] = [];
    for (let start = 0; start < ids.length; start += BATCH_GET_LIMIT) {
      items.push(...(await this.batchGet(ids.slice(start, start + BATCH_GET_LIMIT))));
    }
    return catalogOf(items.map(productFromItem));
  }

  /**
   * Stores the product unless the copy already holds this revision or a later one. Two deliveries can
   * race, so the condition is checked by DynamoDB on the item, not by reading first.
   *
   * @returns true if it was written; false if the stored revision was the same or higher (not an error).
   */
  async put(product: CatalogProduct): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: productItem(product),
          ConditionExpression: 'attribute_not_exists(pk) OR revision < :revision',
          ExpressionAttributeValues: { ':revision': product.revision },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async batchGet(ids: readonly string[]): Promise<Item[]> {
    const items: Item[] = [];
    let keys: Record<string, unknown>[] = ids.map(productKey);
    // DynamoDB may leave keys unprocessed under load: ask again for those, backing off, until none is left.
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      const { Responses, UnprocessedKeys } = await this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
      );
      items.push(...(Responses?.[this.tableName] ?? []));
      keys = UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return items;
  }
}

import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { logger } from '@shop/lambda-kit';
import { pageOf, type ProductQuery } from '../domain/catalog-query';
import { InvalidCursorError } from '../domain/errors';
import type { Product } from '../domain/product';
import type { ProductCatalog, ProductPage } from '../ports';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { CATALOG_PARTITION, categoryPartition, INDEX_BY_CATEGORY, INDEX_BY_SKU, productFromItem } from './table';

/**
 * Searching and sorting other than "newest in a category" happen here, over at most this many active
 * products of the category (or of the catalog). DynamoDB has no full-text search: past a few thousand
 * products, index the catalog in OpenSearch (fed by the table stream) and serve these listings from it.
 */
export const MAX_FILTERED_PRODUCTS = 1000;

const ACTIVE_ONLY = { FilterExpression: '#status = :active', ExpressionAttributeNames: { '#status': 'status' } };

/** The public catalog listing: active products only, paged with opaque cursors. */
export class DynamoProductCatalog implements ProductCatalog {
  constructor(private readonly options: { readonly doc: DynamoDBDocumentClient; readonly tableName: string }) {}

  async list(query: ProductQuery, cursorText?: string): Promise<ProductPage> {
    const cursor = cursorText === undefined ? undefined : decodeCursor(query, cursorText);
    const native = query.category !== undefined && query.search === undefined && query.sort === 'newest';
    return native ? this.queryPage(query, cursor) : this.filteredPage(query, cursor);
  }

  /** Newest in a category is the byCategory index's own order: DynamoDB pages it, LastEvaluatedKey is the cursor. */
  private async queryPage(query: ProductQuery, cursor: Cursor | undefined): Promise<ProductPage> {
    if (cursor?.after || (cursor && !this.isCategoryKey(cursor.key, query.category as string)))
      throw new InvalidCursorError();
    const items: Product[] = [];
    let startKey: Record<string, unknown> | undefined = cursor?.key;
    do {
      // Limit counts items read before the status filter, so ask for what is missing, and loop.
      const page = await this.query({
        ...this.categoryQuery(query.category as string),
        ...ACTIVE_ONLY,
        ScanIndexForward: false,
        Limit: query.limit - items.length,
        ...(startKey && { ExclusiveStartKey: startKey }),
      });
      items.push(...(page.Items ?? []).map(productFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && items.length < query.limit);
    const next = startKey as Record<string, string> | undefined;
    return { items, ...(next && { nextCursor: encodeCursor(query, { key: next }) }) };
  }

  /** Searched, or sorted otherwise: read the candidates (up to the cap), then filter, sort and page here. */
  private async filteredPage(query: ProductQuery, cursor: Cursor | undefined): Promise<ProductPage> {
    if (cursor?.key) throw new InvalidCursorError();
    const source = query.category === undefined ? this.catalogQuery() : this.categoryQuery(query.category);
    const products: Product[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.query({ ...source, ...ACTIVE_ONLY, ...(startKey && { ExclusiveStartKey: startKey }) });
      products.push(...(page.Items ?? []).map(productFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && products.length < MAX_FILTERED_PRODUCTS);
    if (startKey !== undefined)
      logger.warn('Catalog listing capped', { cap: MAX_FILTERED_PRODUCTS, category: query.category });
    const { items, last } = pageOf(products.slice(0, MAX_FILTERED_PRODUCTS), query, cursor?.after);
    return { items, ...(last && { nextCursor: encodeCursor(query, { after: last }) }) };
  }

  private categoryQuery(category: string): Partial<QueryCommandInput> {
    return {
      IndexName: INDEX_BY_CATEGORY,
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': categoryPartition(category), ':active': 'ACTIVE' },
    };
  }

  private catalogQuery(): Partial<QueryCommandInput> {
    return {
      IndexName: INDEX_BY_SKU,
      KeyConditionExpression: 'gsi2pk = :partition',
      ExpressionAttributeValues: { ':partition': CATALOG_PARTITION, ':active': 'ACTIVE' },
    };
  }

  /** A key DynamoDB could have returned for this category's query: a product's table and index keys. */
  private isCategoryKey(key: Record<string, string> | undefined, category: string): boolean {
    if (key === undefined) return false;
    const names = Object.keys(key).sort().join(',');
    return (
      names === 'gsi1pk,gsi1sk,pk,sk' &&
      key.gsi1pk === categoryPartition(category) &&
      key.pk?.startsWith('PRODUCT#') === true &&
      key.sk === 'PRODUCT'
    );
  }

  private query(input: Partial<QueryCommandInput>) {
    return this.options.doc.send(
      new QueryCommand({ TableName: this.options.tableName, ...input } as QueryCommandInput),
    );
  }
}

import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableOptions } from './dynamodb-cart-repository';
import { decodeCursor, encodeCursor, type LastKey } from './order-cursor';
import { orderFromItem, summaryOf, type OrderSummary, type OrderView } from './order-item';
import { customerOrdersPartition, INDEX_BY_CUSTOMER, ORDERS_TABLE_DESIGN, orderKey } from './table';

/** A page of a customer's orders, newest first, and the cursor of the next page if there is one. */
export type OrderPage = { readonly items: readonly OrderSummary[]; readonly nextCursor?: string };

export type OrderPageRequest = { readonly limit: number; readonly cursor?: string };

/** Reads the orders the checkout workflow writes (`ORDER#<id>` items and the `byCustomer` index). */
export class DynamoOrderQueries {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
  }

  /** The order if it is this customer's; `undefined` otherwise, so a stranger learns nothing of it. */
  async getForCustomer(orderId: string, customerId: string): Promise<OrderView | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: orderKey(orderId) }));
    if (Item === undefined || Item.customerId !== customerId) return undefined;
    return orderFromItem(Item);
  }

  /**
   * The customer's orders, newest first (the index sorts by `ORDER#<createdAt>#<id>`).
   *
   * @throws OrdersServiceError `ORDERS.INVALID_CURSOR` for a cursor this customer's listing did not return.
   */
  async listForCustomer(customerId: string, page: OrderPageRequest): Promise<OrderPage> {
    const partition = {
      name: ORDERS_TABLE_DESIGN.byCustomerIndex.partitionKey,
      value: customerOrdersPartition(customerId),
    };
    const startKey = page.cursor === undefined ? undefined : decodeCursor(page.cursor, partition);
    // One more than asked for: if it comes, there is a next page, and the last item shown is where it starts
    // (DynamoDB's own LastEvaluatedKey would promise a next page that may turn out empty).
    const { Items = [] } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX_BY_CUSTOMER,
        KeyConditionExpression: 'gsi1pk = :customer AND begins_with(gsi1sk, :orders)',
        ExpressionAttributeValues: { ':customer': partition.value, ':orders': 'ORDER#' },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ...(startKey && { ExclusiveStartKey: startKey }),
      }),
    );
    const shown = Items.slice(0, page.limit);
    const items = shown.map((item) => summaryOf(orderFromItem(item)));
    const last = shown.at(-1);
    if (Items.length <= page.limit || last === undefined) return { items };
    return { items, nextCursor: encodeCursor(indexKeyOf(last)) };
  }
}

/** @internal The table and index key of an item: what ExclusiveStartKey takes for a query of the index. */
function indexKeyOf(item: Record<string, unknown>): LastKey {
  const { partitionKey, sortKey, byCustomerIndex } = ORDERS_TABLE_DESIGN;
  const names = [partitionKey, sortKey, byCustomerIndex.partitionKey, byCustomerIndex.sortKey];
  return Object.fromEntries(names.map((name) => [name, String(item[name])]));
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { Address } from '@shop/events';
import { redactAddress } from '../domain';
import type { TableOptions } from './dynamodb-cart-repository';
import { cartKey, customerCartPointerKey, customerOrdersPartition, INDEX_BY_CUSTOMER, orderKey } from './table';

/** Orders read per Query page, and anonymised concurrently: a page is one burst of writes. */
export const ANONYMISE_PAGE_SIZE = 25;

export type CustomerErasureOptions = TableOptions & {
  /** @default ANONYMISE_PAGE_SIZE */
  readonly pageSize?: number;
};

/**
 * Erases what the orders table holds about a deleted customer, beyond the profile copy: their cart, and the
 * names and addresses on their orders. Every step can run again: a retry after a crash, a timeout or a
 * duplicate event finishes the job and changes nothing already done.
 */
export class DynamoCustomerErasure {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly pageSize: number;

  constructor(options: CustomerErasureOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
    this.pageSize = options.pageSize ?? ANONYMISE_PAGE_SIZE;
  }

  /**
   * Deletes the customer's cart, then the pointer to it (in that order, so a retry after the first delete
   * still finds the cart's id). Guest carts merged into it hold no personal data and expire on their own.
   *
   * @returns whether there was a cart.
   */
  async deleteCart(customerId: string): Promise<boolean> {
    const Key = customerCartPointerKey(customerId);
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    if (Item === undefined) return false;
    if (typeof Item.cartId === 'string') {
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: cartKey(Item.cartId) }));
    }
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key }));
    return true;
  }

  /**
   * Replaces the shipping and billing addresses of every order of the customer with redacted ones (the
   * country only) and marks each order `anonymisedAt`, page by page through the `byCustomer` index. Orders
   * already marked are filtered out, so a retry resumes where the last attempt stopped.
   *
   * @returns how many orders this call anonymised.
   */
  async anonymiseOrders(customerId: string, deletedAt: string): Promise<number> {
    let anonymised = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX_BY_CUSTOMER,
          KeyConditionExpression: 'gsi1pk = :customer AND begins_with(gsi1sk, :orders)',
          FilterExpression: 'attribute_not_exists(anonymisedAt)',
          ProjectionExpression: 'orderId, shippingAddress, billingAddress',
          ExpressionAttributeValues: { ':customer': customerOrdersPartition(customerId), ':orders': 'ORDER#' },
          Limit: this.pageSize,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      const done = await Promise.all((page.Items ?? []).map((item) => this.anonymiseOrder(item, deletedAt)));
      anonymised += done.filter(Boolean).length;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return anonymised;
  }

  /** @returns false if the order is gone (the index lags behind the table). */
  private async anonymiseOrder(item: Record<string, unknown>, deletedAt: string): Promise<boolean> {
    const redacted = (stored: unknown) => JSON.stringify(redactAddress(Address.parse(JSON.parse(String(stored)))));
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: orderKey(String(item.orderId)),
          // The same JSON-string form the checkout workflow writes (States.JsonToString), so readers are unchanged.
          UpdateExpression: 'SET shippingAddress = :shipping, billingAddress = :billing, anonymisedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':shipping': redacted(item.shippingAddress),
            ':billing': redacted(item.billingAddress),
            ':at': deletedAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

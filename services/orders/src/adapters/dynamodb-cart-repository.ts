import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cartNotFound, OrdersServiceError } from './errors';
import { cartItem, cartKey, customerCartPointerKey, storedCartFromItem, type StoredCart } from './table';

export type TableOptions = { readonly doc: DynamoDBDocumentClient; readonly tableName: string };

/** A change to a stored cart: return the same object to write nothing. */
export type CartChange = (stored: StoredCart) => StoredCart;

/** Read, change, write conditionally: how often before answering ORDERS.CART_CONFLICT. */
const UPDATE_ATTEMPTS = 3;

/**
 * Carts in the orders table, one item each (`CART#<id>`), with optimistic locking on `version`. A guest
 * cart's item carries `expiresAt`, so DynamoDB TTL removes it eventually; the domain decides expiry.
 */
export class DynamoCartRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
  }

  async get(cartId: string): Promise<StoredCart | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: cartKey(cartId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : storedCartFromItem(Item);
  }

  /**
   * Writes the cart as version `stored.version + 1` if the stored one is still at `stored.version`
   * (0: not stored yet). Returns what was written.
   *
   * @throws OrdersServiceError `ORDERS.CART_CONFLICT` when another request wrote first.
   */
  async save(stored: StoredCart): Promise<StoredCart> {
    const next = { ...stored, version: stored.version + 1 };
    const condition =
      stored.version === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': stored.version } };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: cartItem(next), ...condition }));
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new OrdersServiceError('ORDERS.CART_CONFLICT', `Cart ${stored.cart.id} changed meanwhile; try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * Applies `change` to the stored cart and saves it, reading again and retrying when another request
   * wrote in between. A change that returns its input writes nothing.
   *
   * @throws OrdersServiceError `ORDERS.CART_NOT_FOUND`, `ORDERS.CART_CONFLICT` (still contended after 3 tries);
   *   and whatever `change` throws (the domain's rules).
   */
  async update(cartId: string, change: CartChange): Promise<StoredCart> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.get(cartId);
      if (stored === undefined) throw cartNotFound(cartId);
      const next = change(stored);
      if (next === stored) return stored;
      try {
        return await this.save(next);
      } catch (error) {
        if (attempt >= UPDATE_ATTEMPTS || !isCartConflict(error)) throw error;
      }
    }
  }

  async delete(cartId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: cartKey(cartId) }));
  }

  /**
   * The id of the customer's cart: the one already pointed at, or `proposedId`, which becomes the
   * customer's for good. The pointer is written only if absent, so two first requests agree on one cart.
   */
  async customerCartId(customerId: string, proposedId: string): Promise<string> {
    const Key = customerCartPointerKey(customerId);
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    if (typeof Item?.cartId === 'string') return Item.cartId;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...Key, type: 'CUSTOMER_CART', customerId, cartId: proposedId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return proposedId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return this.customerCartId(customerId, proposedId);
    }
  }
}

export function isCartConflict(error: unknown): boolean {
  return error instanceof OrdersServiceError && error.code === 'ORDERS.CART_CONFLICT';
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableOptions } from './dynamodb-cart-repository';
import { OrdersServiceError } from './errors';
import type { OrderInvoice } from './order-item';
import { orderKey } from './table';

/** Which invoice to record on which order, and whose order the invoice says it is. */
export type InvoiceOfOrder = {
  readonly orderId: string;
  readonly customerId: string;
  readonly invoice: OrderInvoice;
};

/** Records on an order (`ORDER#<id>`) the invoice the invoices service issued for it. */
export class DynamoOrderInvoices {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
  }

  /**
   * Sets the order's `invoice` map to `{ id, number, issuedAt }`. Writing the same invoice again writes
   * the same values, so a repeated delivery is harmless.
   *
   * @throws OrdersServiceError `ORDERS.ORDER_NOT_FOUND` when there is no such order, or it is another
   *   customer's: the event is wrong, and retrying cannot fix it.
   */
  async record({ orderId, customerId, invoice }: InvoiceOfOrder): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: orderKey(orderId),
          UpdateExpression: 'SET invoice = :invoice',
          ConditionExpression: 'attribute_exists(pk) AND customerId = :customerId',
          ExpressionAttributeValues: {
            ':invoice': { id: invoice.id, number: invoice.number, issuedAt: invoice.issuedAt },
            ':customerId': customerId,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new OrdersServiceError(
        'ORDERS.ORDER_NOT_FOUND',
        `No order ${orderId} of the invoice's customer to record invoice ${invoice.id} on`,
        { cause: error },
      );
    }
  }
}

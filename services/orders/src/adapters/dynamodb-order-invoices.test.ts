import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrderInvoices } from './dynamodb-order-invoices';
import { OrdersServiceError } from './errors';
import { anOrderItem } from './testing/order-items';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let tableName: string;
let invoices: DynamoOrderInvoices;

const INVOICE = { id: 'inv_1', number: 'INV-2025-000123', issuedAt: '2025-03-14T09:27:01.446Z' };

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  tableName = uniqueTableName('invoices');
  await createOrdersTable(dynamodb.client, tableName);
  invoices = new DynamoOrderInvoices({ doc: dynamodb.doc, tableName });
  const Item = anOrderItem({ orderId: 'ord_1', customerId: 'customer-ada', createdAt: INVOICE.issuedAt });
  await dynamodb.doc.send(new PutCommand({ TableName: tableName, Item }));
});
afterAll(() => dynamodb.stop());

const storedOrder = async (orderId: string) =>
  (await dynamodb.doc.send(new GetCommand({ TableName: tableName, Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' } })))
    .Item;

describe('DynamoOrderInvoices', () => {
  it('records the invoice on the order as a map, leaving the rest of the order as it was', async () => {
    const before = await storedOrder('ord_1');

    await invoices.record({ orderId: 'ord_1', customerId: 'customer-ada', invoice: INVOICE });

    expect(await storedOrder('ord_1')).toEqual({ ...before, invoice: INVOICE });
  });

  it('refuses an invoice for an order it does not hold, creating nothing', async () => {
    const record = invoices.record({ orderId: 'ord_unknown', customerId: 'customer-ada', invoice: INVOICE });

    await expect(record).rejects.toThrow(OrdersServiceError);
    await expect(record).rejects.toMatchObject({ code: 'ORDERS.ORDER_NOT_FOUND' });
    expect(await storedOrder('ord_unknown')).toBeUndefined();
  });

  it("refuses an invoice naming another customer than the order's", async () => {
    const record = invoices.record({ orderId: 'ord_1', customerId: 'customer-grace', invoice: INVOICE });

    await expect(record).rejects.toMatchObject({ code: 'ORDERS.ORDER_NOT_FOUND' });
  });
});

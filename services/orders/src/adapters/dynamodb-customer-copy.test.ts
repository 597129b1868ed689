import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../domain';
import { DynamoCustomerCopy } from './dynamodb-customer-copy';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let customers: DynamoCustomerCopy;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  const tableName = uniqueTableName('customers');
  await createOrdersTable(dynamodb.client, tableName);
  customers = new DynamoCustomerCopy({ doc: dynamodb.doc, tableName });
});
afterAll(() => dynamodb.stop());

const revision = (id: string, n: number): CustomerProfile => ({
  id,
  email: `rev${n}@example.com`,
  name: `Name ${n}`,
  revision: n,
  updatedAt: `2025-03-0${n}T12:00:00.000Z`,
});

describe('DynamoCustomerCopy', () => {
  it('stores a profile it did not have and reads it back', async () => {
    const written = await customers.put(revision('customer-new', 1));

    expect(written).toBe(true);
    expect(await customers.get('customer-new')).toEqual(revision('customer-new', 1));
  });

  it('keeps the later revision when an older one arrives after it, without an error', async () => {
    await customers.put(revision('customer-late', 3));

    const written = await customers.put(revision('customer-late', 2));

    expect(written).toBe(false);
    expect(await customers.get('customer-late')).toEqual(revision('customer-late', 3));
  });

  it('drops the name when a newer revision has none', async () => {
    await customers.put(revision('customer-nameless', 1));
    const { name: _name, ...nameless } = revision('customer-nameless', 2);

    await customers.put(nameless);

    expect(await customers.get('customer-nameless')).toEqual(nameless);
  });

  it('forgets the profile once the user is deleted, and refuses any revision after that', async () => {
    await customers.put(revision('customer-gone', 2));

    await customers.erase('customer-gone', '2025-04-02T08:15:00.000Z');
    const late = await customers.put(revision('customer-gone', 3));

    expect(late).toBe(false);
    expect(await customers.get('customer-gone')).toBeUndefined();
  });
});

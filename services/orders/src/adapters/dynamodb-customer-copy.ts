import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerProfile } from '../domain';
import type { TableOptions } from './dynamodb-cart-repository';
import { customerProfileKey, type Item } from './table';

/**
 * The orders service's copy of each customer's profile (`CUSTOMER#<id>` / `PROFILE`), fed by the users
 * service's events. Writes are conditional on the stored revision, so deliveries out of order or twice
 * never go backwards; once the user is deleted, a tombstone holding no personal data replaces the profile,
 * so that a late UserCreated or UserUpdated can never bring it back.
 */
export class DynamoCustomerCopy {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
  }

  /** The profile, or `undefined` if none arrived yet or the user was deleted. */
  async get(customerId: string): Promise<CustomerProfile | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: customerProfileKey(customerId) }),
    );
    return Item === undefined || Item.type !== 'CUSTOMER' ? undefined : profileFromItem(Item);
  }

  /**
   * Stores the profile unless the copy holds this revision or a later one, or the user was deleted. Two
   * deliveries can race, so DynamoDB checks the condition on the item, not a read made before.
   *
   * @returns true if it was written; false if the stored revision was the same or higher, or the user is
   *   deleted (not an error).
   */
  async put(profile: CustomerProfile): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...customerProfileKey(profile.id), type: 'CUSTOMER', ...profile },
          ConditionExpression: 'attribute_not_exists(pk) OR (attribute_not_exists(deletedAt) AND revision < :revision)',
          ExpressionAttributeValues: { ':revision': profile.revision },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Replaces the profile (whatever revision) with a tombstone: the id, which is the key, and when the user
   * was deleted. Writing it again writes the same item.
   */
  async erase(customerId: string, deletedAt: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...customerProfileKey(customerId), type: 'CUSTOMER_DELETED', deletedAt },
      }),
    );
  }
}

function profileFromItem(item: Item): CustomerProfile {
  const { id, email, name, revision, updatedAt } = item;
  const profile = { id, email, revision, updatedAt } as CustomerProfile;
  return name === undefined ? profile : { ...profile, name: name as string };
}

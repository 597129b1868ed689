import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ProfileConflictError } from '../domain/errors';
import type { Profile } from '../domain/profile';
import type { ProfileRepository } from '../ports';

/** The profile item's key: one item per user, `USER#<sub>` / `PROFILE`. */
export const profileKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });

const EDITABLE_ADDRESSES = ['shippingAddress', 'billingAddress'] as const;

/** Profiles in the users table (see the service README for the item design). */
export class DynamoProfileRepository implements ProfileRepository {
  constructor(private readonly options: { doc: DynamoDBDocumentClient; tableName: string }) {}

  async get(userId: string): Promise<Profile | undefined> {
    const { Item } = await this.options.doc.send(
      new GetCommand({ TableName: this.options.tableName, Key: profileKey(userId), ConsistentRead: true }),
    );
    if (Item === undefined) return undefined;
    const { pk: _pk, sk: _sk, ...profile } = Item;
    return profile as Profile;
  }

  async create(profile: Profile): Promise<boolean> {
    try {
      await this.options.doc.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: { ...profileKey(profile.id), ...profile },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async save(profile: Profile, expectedRevision: number): Promise<void> {
    // An update, not a put: `announcedRevision` is the announcer's to move, and a put would set it back.
    const set = ['#name = :name', 'marketingConsent = :consent', 'revision = :revision', 'updatedAt = :updatedAt'];
    const values: Record<string, unknown> = {
      ':name': profile.name,
      ':consent': profile.marketingConsent,
      ':revision': profile.revision,
      ':updatedAt': profile.updatedAt,
      ':expected': expectedRevision,
    };
    const remove: string[] = [];
    for (const field of EDITABLE_ADDRESSES) {
      if (profile[field] === undefined) remove.push(field);
      else {
        set.push(`${field} = :${field}`);
        values[`:${field}`] = profile[field];
      }
    }
    try {
      await this.options.doc.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: profileKey(profile.id),
          UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'revision = :expected',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ProfileConflictError(profile.id, { cause: error });
      throw error;
    }
  }

  async markAnnounced(userId: string, revision: number): Promise<void> {
    try {
      await this.options.doc.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: profileKey(userId),
          UpdateExpression: 'SET announcedRevision = :revision',
          ConditionExpression: 'attribute_exists(pk) AND announcedRevision < :revision',
          ExpressionAttributeValues: { ':revision': revision },
        }),
      );
    } catch (error) {
      // A later revision was announced meanwhile, or the account was deleted: nothing left to record.
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }

  async delete(userId: string): Promise<void> {
    await this.options.doc.send(new DeleteCommand({ TableName: this.options.tableName, Key: profileKey(userId) }));
  }
}

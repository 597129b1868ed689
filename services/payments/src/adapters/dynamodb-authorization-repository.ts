import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Authorization } from '../domain/authorization';
import { ConcurrentUpdateError } from '../domain/errors';
import type { AuthorizationRepository } from '../ports';

/**
 * Authorizations in DynamoDB, one item per authorization keyed by `id`, the item being the domain object.
 * Holds brand and last four digits of the card only: the domain never hands this adapter a card number.
 */
export class DynamoAuthorizationRepository implements AuthorizationRepository {
  readonly #documents: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client: DynamoDBClient,
  ) {
    this.#documents = DynamoDBDocumentClient.from(client);
  }

  async create(authorization: Authorization): Promise<void> {
    await this.#documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: authorization,
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  }

  async find(id: string): Promise<Authorization | undefined> {
    const { Item } = await this.#documents.send(
      new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: true }),
    );
    return Item as Authorization | undefined;
  }

  async replace(previous: Authorization, next: Authorization): Promise<void> {
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: next,
          // Every transition changes the status or the refunded amount, so matching both detects any write
          // made since `previous` was read (a capture racing a void, two refunds at once).
          ConditionExpression: '#status = :status AND refundedAmount = :refunded',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': previous.status, ':refunded': previous.refundedAmount },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConcurrentUpdateError(previous.id, { cause: error });
      throw error;
    }
  }
}

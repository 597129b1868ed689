import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AttemptLog } from '../ports';

const ONE_DAY_IN_SECONDS = 24 * 60 * 60;

/**
 * The attempts the processor has seen, as items `attempt#<sha256 of the key>` in the idempotency table: the
 * same table, TTL attribute (`expiration`) and retention as the stored responses, because both are the memory
 * of an idempotency key. Powertools' own items are `payments#<hash>`, so the two never collide.
 */
export class DynamoAttemptLog implements AttemptLog {
  readonly #documents: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client: DynamoDBClient,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#documents = DynamoDBDocumentClient.from(client);
  }

  async isFirstAttempt(idempotencyKey: string): Promise<boolean> {
    const now = Math.floor(this.clock().getTime() / 1000);
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            id: `attempt#${createHash('sha256').update(idempotencyKey).digest('hex')}`,
            expiration: now + ONE_DAY_IN_SECONDS,
          },
          // TTL deletes expired items only eventually: an expired attempt counts as none.
          ConditionExpression: 'attribute_not_exists(id) OR expiration < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isTokenExpired, type CardToken } from '../domain/card-token';
import { TokenNotFoundError, TokenUsedError } from '../domain/errors';
import type { TokenVault } from '../ports';

/** A token as stored: the vaulted card flattened, plus DynamoDB's TTL and who spent it. */
type TokenItem = CardToken['card'] & {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Epoch seconds: DynamoDB's TTL attribute (deletion comes up to days later; reads judge `expiresAt`). */
  readonly expiration: number;
  readonly usedAt?: string;
  /** SHA-256 of the Idempotency-Key of the request that spent the token, never the key itself. */
  readonly usedBy?: string;
};

const hashOf = (idempotencyKey: string) => createHash('sha256').update(idempotencyKey).digest('hex');

function toItem(token: CardToken): TokenItem {
  const { card, ...rest } = token;
  return { ...card, ...rest, expiration: Math.ceil(Date.parse(token.expiresAt) / 1000) };
}

function fromItem(item: TokenItem): CardToken {
  const { id, brand, last4, expMonth, expYear, behaviour, createdAt, expiresAt, usedAt } = item;
  const card = { brand, last4, expMonth, expYear, behaviour };
  return { id, card, createdAt, expiresAt, ...(usedAt !== undefined && { usedAt }) };
}

/**
 * Card tokens in DynamoDB, one item per token keyed by `id`, with TTL on `expiration`. An item holds what
 * `VaultedCard` holds (brand, last four digits, expiry, test-card behaviour): the domain never hands this
 * adapter a card number or a CVC.
 */
export class DynamoTokenVault implements TokenVault {
  readonly #documents: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client: DynamoDBClient,
  ) {
    this.#documents = DynamoDBDocumentClient.from(client);
  }

  async create(token: CardToken): Promise<void> {
    await this.#documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: toItem(token),
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  }

  async find(id: string): Promise<CardToken | undefined> {
    const { Item } = await this.#documents.send(
      new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : fromItem(Item as TokenItem);
  }

  async spend(id: string, idempotencyKey: string, now: Date): Promise<CardToken> {
    try {
      const { Attributes } = await this.#documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: 'SET usedAt = if_not_exists(usedAt, :now), usedBy = if_not_exists(usedBy, :by)',
          // One conditional write decides, so two requests racing for a token cannot both spend it. ISO-8601
          // UTC strings of one format compare as their instants do.
          ConditionExpression:
            'attribute_exists(id) AND expiresAt > :now AND (attribute_not_exists(usedBy) OR usedBy = :by)',
          ExpressionAttributeValues: { ':now': now.toISOString(), ':by': hashOf(idempotencyKey) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(Attributes as TokenItem);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Which condition failed decides the answer; read it back rather than guess.
      const token = await this.find(id);
      if (token === undefined || isTokenExpired(token, now)) throw new TokenNotFoundError(id, { cause: error });
      throw new TokenUsedError(id, { cause: error });
    }
  }
}

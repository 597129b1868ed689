import type { Json } from '../../core/contracts';
import { DynamoDbApiError, DynaliteUnavailableError } from '../errors';

/** A raw reply from dynalite, kept as bytes so a forwarded reply reaches the client unchanged. */
export interface RawReply {
  readonly status: number;
  readonly body: Buffer;
  readonly crc32?: string;
}

// dynalite rejects unsigned requests but never checks signatures, so a well-formed placeholder suffices.
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local';

/**
 * Talks to the dynalite process over HTTP, as the AWS SDK would.
 *
 * @example
 * const client = new DynaliteClient(db.url);
 * const { Item } = await client.call<{ Item?: Item }>('GetItem', { TableName: 't', Key: { pk: { S: '1' } } });
 */
export class DynaliteClient {
  constructor(private readonly url: string) {}

  /** Sends one operation and returns dynalite's reply untouched. */
  async send(operation: string, body: string): Promise<RawReply> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
          'x-amz-date': '20200101T000000Z',
          authorization: AUTHORIZATION,
        },
        body,
      });
    } catch (err) {
      throw new DynaliteUnavailableError(`dynalite did not answer ${operation}`, { cause: err });
    }
    const crc32 = response.headers.get('x-amz-crc32') ?? undefined;
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), ...(crc32 ? { crc32 } : {}) };
  }

  /** Sends one operation and parses the reply; an AWS error reply is thrown as a DynamoDbApiError. */
  async call<T = Record<string, Json>>(operation: string, payload: object): Promise<T> {
    const reply = await this.send(operation, JSON.stringify(payload));
    const parsed = reply.body.length ? (JSON.parse(reply.body.toString('utf8')) as Record<string, Json>) : {};
    if (reply.status !== 200) throw DynamoDbApiError.fromBody(reply.status, parsed);
    return parsed as T;
  }
}

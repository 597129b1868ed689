import { z } from 'zod';
import { OrdersServiceError } from './errors';

/**
 * A page cursor, opaque to clients: base64url of JSON holding DynamoDB's LastEvaluatedKey. It is only
 * accepted for the customer whose listing returned it, so a cursor cannot page through someone else's
 * orders (the key names their partition).
 */
const CursorPayload = z.strictObject({
  v: z.literal(1),
  k: z.record(z.string(), z.string().min(1).max(1024)),
});

export type LastKey = Record<string, string>;

export function encodeCursor(key: LastKey): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key }), 'utf8').toString('base64url');
}

/** @throws OrdersServiceError `ORDERS.INVALID_CURSOR` unless `text` is a cursor of this partition's listing. */
export function decodeCursor(text: string, partition: { readonly name: string; readonly value: string }): LastKey {
  const invalid = (cause?: unknown) =>
    new OrdersServiceError('ORDERS.INVALID_CURSOR', 'The cursor is not one this listing returned', { cause });
  if (text.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  let key: LastKey;
  try {
    key = CursorPayload.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))).k;
  } catch (error) {
    throw invalid(error);
  }
  if (key[partition.name] !== partition.value) throw invalid();
  return key;
}

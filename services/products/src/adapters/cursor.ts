import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ProductQuery, SortPosition } from '../domain/catalog-query';
import { InvalidCursorError } from '../domain/errors';

/**
 * A listing cursor, opaque to clients: base64url of JSON holding either DynamoDB's LastEvaluatedKey (`k`,
 * when the listing is a plain index query) or the position of the last product shown (`a`, when the
 * listing is searched or sorted in the function). `q` fingerprints the query, so a cursor is only
 * accepted by the listing that returned it.
 */
const CursorPayload = z.strictObject({
  v: z.literal(1),
  q: z.string().length(16),
  k: z.record(z.string(), z.string().min(1).max(1024)).optional(),
  a: z.strictObject({ id: z.string().min(1).max(64), value: z.union([z.string().max(1024), z.number()]) }).optional(),
});
type CursorPayload = z.infer<typeof CursorPayload>;

export type Cursor = { readonly key?: Record<string, string>; readonly after?: SortPosition };

/** @internal */
export function queryFingerprint(query: ProductQuery): string {
  const { category = '', search = '', sort, limit } = query;
  return createHash('sha256')
    .update(JSON.stringify([category, search, sort, limit]))
    .digest('hex')
    .slice(0, 16);
}

export function encodeCursor(query: ProductQuery, cursor: Cursor): string {
  const payload: CursorPayload = {
    v: 1,
    q: queryFingerprint(query),
    ...(cursor.key && { k: cursor.key }),
    ...(cursor.after && { a: cursor.after }),
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** @throws InvalidCursorError when the text is not a cursor this query returned. */
export function decodeCursor(query: ProductQuery, text: string): Cursor {
  if (text.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(text)) throw new InvalidCursorError();
  let payload: CursorPayload;
  try {
    payload = CursorPayload.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch (error) {
    throw new InvalidCursorError({ cause: error });
  }
  if (payload.q !== queryFingerprint(query)) throw new InvalidCursorError();
  return { ...(payload.k && { key: payload.k }), ...(payload.a && { after: payload.a }) };
}

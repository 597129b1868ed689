import { createHash, createHmac } from 'node:crypto';

/**
 * SigV4's URI encoding: every byte but the unreserved characters (A-Z a-z 0-9 - _ . ~) as %XY, upper case;
 * `/` kept when encoding a path.
 *
 * @example
 * uriEncode('a b/c(1)', { keepSlash: true }); // 'a%20b/c%281%29'
 */
export function uriEncode(text: string, options: { keepSlash: boolean }): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return options.keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/**
 * Decodes a path or query component as S3 reads it; a malformed escape stays as it is.
 * @internal
 */
export function uriDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The query string's pairs, decoded, in their order. `+` stays a plus: SigV4 clients encode spaces as %20.
 *
 * @example
 * parseQuery('a=1&b=x%20y&flag'); // [['a', '1'], ['b', 'x y'], ['flag', '']]
 */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery.split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [uriDecode(pair), ''] : [uriDecode(pair.slice(0, eq)), uriDecode(pair.slice(eq + 1))];
  });
}

/**
 * The canonical query string: pairs encoded, sorted by name then value.
 * @internal
 */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([name, value]) => [uriEncode(name, { keepSlash: false }), uriEncode(value, { keepSlash: false })] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * A header value as SigV4 canonicalizes it: trimmed, inner runs of spaces collapsed.
 * @internal
 */
export function canonicalHeaderValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/** @internal */
export const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

/**
 * The key a scope's signatures are made with: HMAC chain of the date, region, service and 'aws4_request'.
 * @internal
 */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/** @internal */
export const hmacHex = (key: Buffer, data: string): string => createHmac('sha256', key).update(data, 'utf8').digest('hex');

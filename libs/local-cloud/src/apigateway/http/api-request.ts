import { randomBytes } from 'node:crypto';

/** One request to an HTTP API as the endpoint received it: the URL below the API's base (`/prod/pets?x=1`). */
export interface IncomingApiRequest {
  readonly apiId: string;
  readonly method: string;
  readonly target: string;
  /** Alternating names and values, as Node's `rawHeaders`. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly httpVersion: string;
}

/** A request as API Gateway sees it once it chose the stage. */
export interface ApiRequest {
  readonly requestId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  /** The path as the client sent it, with a named stage's prefix (`/prod/pets/1`). */
  readonly rawPath: string;
  /** The path within the stage, which routes match (`/pets/1`). */
  readonly path: string;
  readonly rawQueryString: string;
  /** Decoded query parameters, in order, repeated names kept. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-cased names, repeated headers joined with commas, without `cookie` (see `cookies`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Every value of every header, lower-cased names, `cookie` included (payload format 1.0). */
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly protocol: string;
  readonly domainName: string;
  readonly time: Date;
}

/**
 * Reads a request as API Gateway does, adding the headers it adds (`x-forwarded-*`, `x-amzn-trace-id`).
 * @internal
 */
export function toApiRequest(incoming: IncomingApiRequest, stage: { name: string; path: string }, time: Date): ApiRequest {
  const [rawPath = '/', rawQueryString = ''] = splitOnce(incoming.target, '?');
  const sourceIp = incoming.sourceIp.replace(/^::ffff:/, '');
  const multiValueHeaders = groupHeaders(incoming.rawHeaders);
  const { cookie = [], ...others } = multiValueHeaders;
  const cookies = cookie.flatMap((line) => line.split(';')).map((c) => c.trim()).filter(Boolean);
  const added = { 'x-forwarded-for': sourceIp, 'x-forwarded-proto': 'http', 'x-forwarded-port': portOf(others.host?.[0]), 'x-amzn-trace-id': traceId(time) };
  const headers: Record<string, string> = Object.fromEntries(Object.entries(others).map(([name, values]) => [name, values.join(',')]));
  for (const [name, value] of Object.entries(added)) headers[name] ??= value;
  return {
    requestId: randomBytes(11).toString('base64'),
    apiId: incoming.apiId,
    stage: stage.name,
    method: incoming.method.toUpperCase(),
    rawPath,
    path: stage.path,
    rawQueryString,
    query: [...new URLSearchParams(rawQueryString)],
    headers,
    multiValueHeaders,
    cookies,
    body: incoming.body,
    sourceIp,
    userAgent: headers['user-agent'] ?? '',
    protocol: `HTTP/${incoming.httpVersion}`,
    domainName: headers.host ?? '127.0.0.1',
    time,
  };
}

/**
 * Query parameters with repeated names joined by commas, as payload format 2.0 and parameter mapping see them.
 * @internal
 */
export function joinedQuery(request: ApiRequest): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of request.query) joined[name] = joined[name] === undefined ? value : `${joined[name]},${value}`;
  return joined;
}

/** HTTP APIs lower-case every header name, in both payload formats. */
function groupHeaders(rawHeaders: readonly string[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) (grouped[(rawHeaders[i] ?? '').toLowerCase()] ??= []).push(rawHeaders[i + 1] ?? '');
  return grouped;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

function portOf(host: string | undefined): string {
  return /:(\d+)$/.exec(host ?? '')?.[1] ?? '80';
}

/** An X-Ray trace header of the shape API Gateway adds: `Root=1-<epoch hex>-<24 hex>`. */
function traceId(time: Date): string {
  return `Root=1-${Math.floor(time.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingApiRequest } from '../../http/api-request';

/** A request to a REST API once its stage is known. Header names keep the client's case, as REST APIs pass them on. */
export interface RestRequest {
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  /** The path the client called, with the stage (`/prod/orders/1`): `$context.path`. */
  readonly rawPath: string;
  /** The path below the stage (`/orders/1`), which resources match. */
  readonly path: string;
  /** Decoded query parameters, in order, repeated names kept. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** The last value of each header. */
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly protocol: string;
  readonly domainName: string;
  readonly time: Date;
}

/**
 * Reads a request below a REST API's stage.
 * @internal
 */
export function toRestRequest(incoming: IncomingApiRequest, stage: string, time: Date): RestRequest {
  const [rawPath = '/', rawQuery = ''] = splitOnce(incoming.target, '?');
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    const name = incoming.rawHeaders[i] ?? '';
    const existing = Object.keys(multiValueHeaders).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
    (multiValueHeaders[existing] ??= []).push(incoming.rawHeaders[i + 1] ?? '');
  }
  const headers = Object.fromEntries(
    Object.entries(multiValueHeaders).map(([name, values]) => [name, values.at(-1) ?? '']),
  );
  const request = { headers } as RestRequest;
  return {
    requestId: randomUUID(),
    extendedRequestId: randomBytes(6).toString('base64').replace(/[+/]/g, 'A'),
    apiId: incoming.apiId,
    stage,
    method: incoming.method.toUpperCase(),
    rawPath,
    path: rawPath.slice(stage.length + 1) || '/',
    query: [...new URLSearchParams(rawQuery)],
    headers,
    multiValueHeaders,
    body: incoming.body,
    sourceIp: incoming.sourceIp.replace(/^::ffff:/, ''),
    userAgent: headerOf(request, 'user-agent') ?? '',
    protocol: `HTTP/${incoming.httpVersion}`,
    domainName: headerOf(request, 'host') ?? '127.0.0.1',
    time,
  };
}

/**
 * A header's value, whatever the case of its name.
 * @internal
 */
export function headerOf(request: Pick<RestRequest, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === lower)?.[1];
}

/**
 * The query string with the last value of each name, as `$input.params()` and single-value maps show it.
 * @internal
 */
export function lastQueryValues(request: Pick<RestRequest, 'query'>): Record<string, string> {
  return Object.fromEntries(request.query);
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

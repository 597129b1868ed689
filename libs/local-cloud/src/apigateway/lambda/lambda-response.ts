import type { Json, JsonObject } from '../../core/contracts';
import { MalformedLambdaResponseError } from '../errors';
import type { ApiResponse } from '../http/api-response';

/** What API Gateway sends when the function's response names no content type (HTTP APIs use text/plain). */
const DEFAULT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * Turns a payload 2.0 function result into the HTTP response. A result without `statusCode` is inferred:
 * 200, `application/json`, the result as the body (a string as is, anything else as JSON). A response with
 * a `statusCode` must be well-formed, else `MalformedLambdaResponseError` (API Gateway answers 500).
 *
 * @example
 * responseFromV2({ message: 'hi' }); // 200, content-type application/json, body '{"message":"hi"}'
 * responseFromV2({ statusCode: 201, cookies: ['a=1'], body: 'ok' }); // 201, set-cookie: a=1
 */
export function responseFromV2(result: Json): ApiResponse {
  if (!isObject(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const headers = headersOf(result.headers);
  const cookies = result.cookies ?? [];
  if (!Array.isArray(cookies) || !cookies.every((c) => typeof c === 'string')) throw new MalformedLambdaResponseError('cookies must be an array of strings');
  if (cookies.length > 0) headers['set-cookie'] = [...cookies];
  return finish(result, headers);
}

/**
 * Turns a payload 1.0 function result into the HTTP response: `statusCode` is required; `headers` and
 * `multiValueHeaders` are merged. Without a content type, HTTP APIs answer `text/plain`, REST APIs `application/json`.
 *
 * @example
 * responseFromV1({ statusCode: 200, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' });
 */
export function responseFromV1(result: Json, defaultContentType = DEFAULT_CONTENT_TYPE): ApiResponse {
  if (!isObject(result) || !('statusCode' in result)) throw new MalformedLambdaResponseError('payload format 1.0 requires a statusCode');
  const headers = headersOf(result.headers);
  const multi = result.multiValueHeaders ?? {};
  if (!isObject(multi)) throw new MalformedLambdaResponseError('multiValueHeaders must be an object');
  for (const [name, values] of Object.entries(multi)) {
    if (!Array.isArray(values)) throw new MalformedLambdaResponseError(`multiValueHeaders.${name} must be an array`);
    headers[name.toLowerCase()] = values.map((v) => headerValue(name, v));
  }
  return finish(result, headers, defaultContentType);
}

function finish(result: JsonObject, headers: Record<string, string | string[]>, defaultContentType = DEFAULT_CONTENT_TYPE): ApiResponse {
  const statusCode = result.statusCode;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedLambdaResponseError(`statusCode ${JSON.stringify(statusCode)} is not an HTTP status`);
  }
  const body = result.body ?? '';
  if (typeof body !== 'string') throw new MalformedLambdaResponseError('body must be a string');
  headers['content-type'] ??= defaultContentType;
  return { statusCode, headers, body: Buffer.from(body, result.isBase64Encoded === true ? 'base64' : 'utf8') };
}

function headersOf(value: Json | undefined): Record<string, string | string[]> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new MalformedLambdaResponseError('headers must be an object');
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name.toLowerCase(), headerValue(name, v)]));
}

function headerValue(name: string, value: Json): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new MalformedLambdaResponseError(`header ${name} must be a string`);
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { ApiRequest } from '../http/api-request';
import type { ApiResponse } from '../http/api-response';
import type { IntegrationContext } from '../http/integration-context';
import { mapValue } from './mapping-values';

const KEY = /^(append|overwrite|remove):(header|querystring)\.(.+)$/;

/**
 * Applies a Lambda or HTTP integration's request parameter mapping (`append:header.x`, `overwrite:querystring.y`,
 * `remove:header.z`, `overwrite:path`) and returns the context the integration then sees.
 *
 * @example
 * mapRequest(ctx, { 'append:header.x-request-id': '$context.requestId' }).request.headers['x-request-id'];
 */
export function mapRequest(ctx: IntegrationContext, parameters: Readonly<Record<string, string>>): IntegrationContext {
  if (Object.keys(parameters).length === 0) return ctx;
  const headers: Record<string, string> = { ...ctx.request.headers };
  const query = new Map<string, string[]>();
  for (const [name, value] of ctx.request.query) query.set(name, [...(query.get(name) ?? []), value]);
  let path = ctx.request.path;
  for (const [key, expression] of Object.entries(parameters)) {
    const value = mapValue(expression, ctx);
    if (key === 'overwrite:path') path = value ?? path;
    const [, action, location, name = ''] = KEY.exec(key) ?? [];
    if (location === 'header') applyToHeaders(headers, action, name.toLowerCase(), value);
    if (location === 'querystring') applyToQuery(query, action, name, value);
  }
  const pairs = [...query].flatMap(([name, values]) => values.map((v) => [name, v] as const));
  const request: ApiRequest = { ...ctx.request, headers, path, query: pairs, rawQueryString: new URLSearchParams(pairs.map(([n, v]): [string, string] => [n, v])).toString() };
  return { ...ctx, request };
}

/**
 * Applies an integration's response parameters for the status code it returned (`overwrite:statuscode`,
 * `append|overwrite|remove:header.name`).
 *
 * @example
 * mapResponse(response, { '500': { 'overwrite:statuscode': '503' } }, ctx).statusCode; // 503 when the integration said 500
 */
export function mapResponse(response: ApiResponse, byStatus: Readonly<Record<string, Readonly<Record<string, string>>>>, ctx: IntegrationContext): ApiResponse {
  const parameters = byStatus[String(response.statusCode)];
  if (!parameters) return response;
  let statusCode = response.statusCode;
  const headers: Record<string, string | string[]> = { ...response.headers };
  for (const [key, expression] of Object.entries(parameters)) {
    const value = mapValue(expression, ctx, response);
    if (key === 'overwrite:statuscode' && value !== undefined && /^\d{3}$/.test(value)) statusCode = Number(value);
    const [, action, location, name = ''] = KEY.exec(key) ?? [];
    if (location === 'header') applyToHeaders(headers, action, name.toLowerCase(), value);
  }
  return { ...response, statusCode, headers };
}

function applyToHeaders(headers: Record<string, string | string[]>, action: string | undefined, name: string, value: string | undefined): void {
  if (action === 'remove') delete headers[name];
  else if (value === undefined) return;
  else if (action === 'overwrite' || headers[name] === undefined) headers[name] = value;
  else headers[name] = `${String(headers[name])},${value}`;
}

function applyToQuery(query: Map<string, string[]>, action: string | undefined, name: string, value: string | undefined): void {
  if (action === 'remove') query.delete(name);
  else if (value === undefined) return;
  else if (action === 'overwrite') query.set(name, [value]);
  else query.set(name, [...(query.get(name) ?? []), value]);
}

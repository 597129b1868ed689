import type { Json, JsonObject } from '../../core/contracts';
import { runtimeError, StatesError } from '../asl/errors';
import type { HttpExchange, IntegrationDeps } from './types';

type KeyValues = { Key: string; Value: string }[];
interface HttpParameters {
  HeaderParameters?: KeyValues;
  QueryStringParameters?: KeyValues;
  BodyParameters?: KeyValues;
}

/** An EventBridge Connection's authorization, in the `AWS::Events::Connection` property shape. */
export interface ConnectionAuth {
  AuthorizationType: 'API_KEY' | 'BASIC' | 'OAUTH_CLIENT_CREDENTIALS';
  AuthParameters: {
    ApiKeyAuthParameters?: { ApiKeyName: string; ApiKeyValue: string };
    BasicAuthParameters?: { Username: string; Password: string };
    OAuthParameters?: {
      AuthorizationEndpoint: string;
      HttpMethod: string;
      ClientParameters: { ClientID: string; ClientSecret: string };
      OAuthHttpParameters?: HttpParameters;
    };
    InvocationHttpParameters?: HttpParameters;
  };
}

/** Finds a Connection by ARN (provided by the core, which knows the EventBridge resources). */
export type ConnectionResolver = (connectionArn: string) => Promise<ConnectionAuth | undefined>;

const asObject = (value: Json | undefined): JsonObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});

/**
 * `arn:aws:states:::http:invoke`: calls ApiEndpoint with Method, Headers, QueryParameters and RequestBody,
 * adding the connection's authorization and invocation parameters. A non-2xx answer fails the task with
 * `States.Http.StatusCode.<code>`, as documented for HTTP Tasks.
 *
 * @example
 * await httpInvoke(deps, { ApiEndpoint: 'https://pay.example/charge', Method: 'POST', Authentication: { ConnectionArn } }, signal);
 */
export async function httpInvoke(deps: IntegrationDeps, parameters: Json, signal: AbortSignal, onHttp?: (e: HttpExchange) => void): Promise<Json> {
  const params = asObject(parameters);
  const endpoint = params.ApiEndpoint;
  const method = params.Method;
  if (typeof endpoint !== 'string' || typeof method !== 'string') throw runtimeError('http:invoke needs ApiEndpoint and Method');
  const connection = await resolveConnection(deps, asObject(params.Authentication).ConnectionArn);
  const invocation = connection?.AuthParameters.InvocationHttpParameters;
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(asObject(params.QueryParameters))) url.searchParams.append(key, String(value));
  for (const { Key, Value } of invocation?.QueryStringParameters ?? []) url.searchParams.append(Key, Value);
  const headers = new Headers(Object.entries(asObject(params.Headers)).map(([k, v]) => [k, String(v)] as [string, string]));
  for (const { Key, Value } of invocation?.HeaderParameters ?? []) headers.set(Key, Value);
  if (connection) headers.set(...(await authorizationHeader(connection, signal)));
  const body = requestBody(params, headers, invocation?.BodyParameters);
  const response = await fetch(url, { method, headers, body, signal });
  const text = await response.text();
  const output = {
    Headers: Object.fromEntries([...response.headers].map(([k, v]) => [k, [v]])),
    ResponseBody: parseBody(text, response.headers.get('content-type')),
    StatusCode: response.status,
    StatusText: response.statusText,
  };
  onHttp?.({
    request: { method, url: url.toString(), headers: JSON.stringify(Object.fromEntries(headers)), body: body ?? '' },
    response: { protocol: 'HTTP/1.1', statusCode: String(response.status), statusMessage: response.statusText, headers: JSON.stringify(output.Headers), body: text },
  });
  if (response.status < 200 || response.status > 299) throw new StatesError(`States.Http.StatusCode.${response.status}`, JSON.stringify(output));
  return output;
}

async function resolveConnection(deps: IntegrationDeps, arn: Json | undefined): Promise<ConnectionAuth | undefined> {
  if (arn === undefined) return undefined;
  if (typeof arn !== 'string') throw runtimeError('Authentication.ConnectionArn must be a string');
  const connection = await deps.resolveConnection?.(arn);
  if (!connection) throw runtimeError(`Connection '${arn}' is not known to the local cloud`);
  return connection;
}

async function authorizationHeader(connection: ConnectionAuth, signal: AbortSignal): Promise<[string, string]> {
  const { ApiKeyAuthParameters: apiKey, BasicAuthParameters: basic, OAuthParameters: oauth } = connection.AuthParameters;
  if (connection.AuthorizationType === 'API_KEY' && apiKey) return [apiKey.ApiKeyName, apiKey.ApiKeyValue];
  if (connection.AuthorizationType === 'BASIC' && basic) return ['Authorization', `Basic ${Buffer.from(`${basic.Username}:${basic.Password}`).toString('base64')}`];
  if (connection.AuthorizationType === 'OAUTH_CLIENT_CREDENTIALS' && oauth) return ['Authorization', `Bearer ${await clientCredentialsToken(oauth, signal)}`];
  throw runtimeError(`The connection's ${connection.AuthorizationType} parameters are missing`);
}

/** The OAuth client-credentials grant EventBridge connections perform before each call. */
async function clientCredentialsToken(oauth: NonNullable<ConnectionAuth['AuthParameters']['OAuthParameters']>, signal: AbortSignal): Promise<string> {
  const url = new URL(oauth.AuthorizationEndpoint);
  for (const { Key, Value } of oauth.OAuthHttpParameters?.QueryStringParameters ?? []) url.searchParams.append(Key, Value);
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  for (const { Key, Value } of oauth.OAuthHttpParameters?.BodyParameters ?? []) form.append(Key, Value);
  const basic = Buffer.from(`${oauth.ClientParameters.ClientID}:${oauth.ClientParameters.ClientSecret}`).toString('base64');
  const headers = new Headers({ Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' });
  for (const { Key, Value } of oauth.OAuthHttpParameters?.HeaderParameters ?? []) headers.set(Key, Value);
  const response = await fetch(url, { method: oauth.HttpMethod, headers, body: oauth.HttpMethod === 'GET' ? undefined : form.toString(), signal });
  const token = (await response.json().catch(() => ({}))) as { access_token?: string };
  if (!response.ok || !token.access_token) throw new StatesError('States.Http.Socket', `The OAuth endpoint answered ${response.status} without an access_token`);
  return token.access_token;
}

function requestBody(params: JsonObject, headers: Headers, extra: KeyValues | undefined): string | undefined {
  const body = params.RequestBody;
  const urlEncoded = asObject(params.Transform).RequestBodyEncoding === 'URL_ENCODED';
  if (body === undefined && !extra?.length) return undefined;
  if (urlEncoded) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(asObject(body))) form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
    for (const { Key, Value } of extra ?? []) form.append(Key, Value);
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    return form.toString();
  }
  if (typeof body === 'string') return body;
  const merged = { ...asObject(body), ...Object.fromEntries((extra ?? []).map(({ Key, Value }) => [Key, Value])) };
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=UTF-8');
  return JSON.stringify(Array.isArray(body) ? body : merged);
}

function parseBody(text: string, contentType: string | null): Json {
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  return text;
}

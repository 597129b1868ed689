import { clfTime } from '../../http/integration-context';
import type { RestMethod, RestStage } from '../model/rest-api';
import type { InputParams } from '../vtl/input';
import { lastQueryValues, type RestRequest } from './rest-request';

/** What a Cognito authorizer passed on: the token's claims, as strings. */
export interface RestAuthorization {
  readonly claims: Readonly<Record<string, string>>;
}

/** What is known of a request at any point: its stage and, once matched, its method and caller. */
export interface RequestScope {
  readonly request: RestRequest;
  readonly stage: RestStage;
  readonly accountId: string;
  readonly method?: RestMethod;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly authorization?: RestAuthorization;
}

/** Everything a method's processing reads: the request, the method it matched, its stage and caller. */
export interface MethodContext extends RequestScope {
  readonly method: RestMethod;
  readonly pathParameters: Readonly<Record<string, string>>;
}

/** `$context.responseOverride` / `requestOverride` as templates leave them. */
export interface Overrides {
  status?: number | string;
  header: Record<string, string>;
}

/**
 * `$input.params()` of a request: path, query string and headers by name.
 * @internal
 */
export function inputParams(ctx: RequestScope): InputParams {
  return { path: ctx.pathParameters ?? {}, querystring: lastQueryValues(ctx.request), header: ctx.request.headers };
}

/**
 * The `$context` variable of a mapping template (a fresh object: templates may `#set` its overrides).
 * @internal
 */
export function contextVariable(ctx: RequestScope, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { request } = ctx;
  return {
    accountId: ctx.accountId,
    apiId: request.apiId,
    authorizer: { claims: ctx.authorization ? { ...ctx.authorization.claims } : undefined },
    domainName: request.domainName,
    domainPrefix: request.apiId,
    extendedRequestId: request.extendedRequestId,
    httpMethod: request.method,
    identity: { sourceIp: request.sourceIp, userAgent: request.userAgent },
    path: request.rawPath,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: clfTime(request.time),
    requestTimeEpoch: request.time.getTime(),
    resourceId: ctx.method?.resourceId,
    resourcePath: ctx.method?.resourcePath,
    stage: request.stage,
    requestOverride: { header: {}, querystring: {}, path: {} },
    responseOverride: { header: {} } satisfies Overrides,
    ...extra,
  };
}

import { randomBytes } from 'node:crypto';
import type { LambdaInvoker, Logger } from '../core/contracts';
import { requestActivity, type RequestActivity } from './activity';
import type { JwtVerifier } from './auth/jwt-authorizer';
import { toApiRequest, type ApiRequest, type IncomingApiRequest } from './http/api-request';
import { GatewayResponses, type ApiResponse } from './http/api-response';
import { isPreflight, preflightResponse, withCorsHeaders } from './http/cors';
import type { IntegrationContext, JwtAuthorization } from './http/integration-context';
import { RouteThrottler } from './http/throttle';
import type { ServiceClients } from './integrations/service-clients';
import { runIntegration } from './integrations/run-integration';
import type { HttpApi, Route, Stage } from './model/http-api';
import { selectRoute } from './routing/select-route';
import { selectStage } from './routing/select-stage';

/** API Gateway's payload size quota for HTTP APIs. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface HttpApiEngineOptions {
  readonly apis: readonly HttpApi[];
  /** Lambda proxy integrations invoke through the lambda service's entry point, never its engine. */
  readonly lambda: LambdaInvoker;
  /** Direct service integrations call the services through the AWS SDK, as API Gateway does. */
  readonly clients: ServiceClients;
  readonly jwt: JwtVerifier;
  readonly logger: Logger;
  readonly accountId: string;
  /** The clock (epoch ms) that request times and throttling read. */
  readonly now?: () => number;
  readonly maxPayloadBytes?: number;
}

/**
 * The HTTP APIs of the local cloud: for each request, the stage, the payload quota, CORS preflights, the
 * route, stage throttling, the JWT authorizer and then the integration, answering in API Gateway's shapes.
 *
 * @example
 * const engine = new HttpApiEngine({ apis, lambda: ports.lambda, clients, jwt, logger, accountId });
 * const response = await engine.handle({ apiId, method: 'GET', target: '/products', rawHeaders: [], body, sourceIp, httpVersion: '1.1' });
 */
export class HttpApiEngine {
  private readonly apis: ReadonlyMap<string, HttpApi>;
  private readonly throttler: RouteThrottler;
  private readonly now: () => number;
  private readonly listeners = new Set<(activity: RequestActivity) => void>();

  constructor(private readonly options: HttpApiEngineOptions) {
    this.apis = new Map(options.apis.map((api) => [api.id, api]));
    this.now = options.now ?? Date.now;
    this.throttler = new RouteThrottler(this.now);
  }

  /** The APIs served, by id. */
  get apiIds(): string[] {
    return [...this.apis.keys()];
  }

  /** The stage names of an API, `$default` first. */
  stagesOf(apiId: string): string[] {
    return [...(this.apis.get(apiId)?.stages.keys() ?? [])].sort((a, b) => Number(b === '$default') - Number(a === '$default'));
  }

  /**
   * Hears every request an API answered (not those for an unknown API or stage); returns the unsubscribe.
   * @example const stop = engine.subscribe((activity) => console.log(activity.routeKey, activity.status));
   */
  subscribe(listener: (activity: RequestActivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async handle(incoming: IncomingApiRequest): Promise<ApiResponse> {
    const started = performance.now();
    const api = this.apis.get(incoming.apiId);
    const selected = api && selectStage(api, incoming.target);
    if (!api || !selected) return withRequestId(GatewayResponses.notFound(), randomBytes(11).toString('base64'));
    const request = toApiRequest(incoming, { name: selected.stage.name, path: selected.path }, new Date(this.now()));
    // API Gateway answers a preflight itself unless a route (an OPTIONS, ANY or $default route) takes it.
    const preflight = api.cors && isPreflight(request) && !selectRoute(api.routes, 'OPTIONS', request.path) ? api.cors : undefined;
    const answer: Answer = preflight ? { response: preflightResponse(preflight, request) } : await this.respondSafely(api, selected.stage, request);
    const response = withRequestId(api.cors && !preflight ? withCorsHeaders(answer.response, api.cors, request) : answer.response, request.requestId);
    this.options.logger.info('request', { apiId: api.id, stage: request.stage, method: request.method, path: request.rawPath, status: response.statusCode, requestId: request.requestId });
    this.report(requestActivity({ ...answer, request, response, durationMs: performance.now() - started }));
    return response;
  }

  /** Whatever goes wrong, the client gets API Gateway's 500, never the gateway's AWS error shape. */
  private async respondSafely(api: HttpApi, stage: Stage, request: ApiRequest): Promise<Answer> {
    try {
      return await this.respond(api, stage, request);
    } catch (err) {
      this.options.logger.error('request failed', { apiId: api.id, requestId: request.requestId, err });
      return { response: GatewayResponses.internalError() };
    }
  }

  private async respond(api: HttpApi, stage: Stage, request: ApiRequest): Promise<Answer> {
    if (request.body.length > (this.options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES)) return { response: GatewayResponses.tooLarge() };
    const match = selectRoute(api.routes, request.method, request.path);
    if (!match) return { response: GatewayResponses.notFound() };
    const routeKey = match.route.key.text;
    if (!this.throttler.tryAcquire(api.id, stage, routeKey)) return { routeKey, response: GatewayResponses.tooManyRequests() };
    const ctx: IntegrationContext = { request, match, stage, accountId: this.options.accountId };
    const authorized = await this.authorize(match.route, ctx);
    const verdict = match.route.authorization.type === 'JWT' ? { authorized: !('response' in authorized) } : {};
    if ('response' in authorized) return { routeKey, ...verdict, response: authorized.response };
    const { lambda, clients, logger } = this.options;
    const integrationCtx = { ...ctx, ...(authorized.authorization && { authorization: authorized.authorization }) };
    return { routeKey, ...verdict, response: await runIntegration(match.route.integration, integrationCtx, { lambda, clients, logger }) };
  }

  private report(activity: RequestActivity): void {
    for (const listener of this.listeners) {
      try {
        listener(activity);
      } catch (err) {
        this.options.logger.warn('apigateway activity listener failed', { err });
      }
    }
  }

  private async authorize(route: Route, ctx: IntegrationContext): Promise<{ authorization?: JwtAuthorization } | { response: ApiResponse }> {
    const auth = route.authorization;
    if (auth.type === 'NONE' || auth.type === 'AWS_IAM') return {};
    if (auth.type === 'UNSUPPORTED') {
      this.options.logger.error('route authorizer is not emulated', { routeKey: route.key.text, reason: auth.reason });
      return { response: GatewayResponses.internalError() };
    }
    const outcome = await this.options.jwt.authorize(auth.authorizer, auth.scopes, ctx);
    return outcome.allowed ? { authorization: outcome.authorization } : { response: outcome.response };
  }
}

/** A response with what the activity stream reports of how it came about. */
interface Answer {
  readonly response: ApiResponse;
  readonly routeKey?: string;
  readonly authorized?: boolean;
}

/** HTTP APIs name every response's request in `apigw-requestid`. */
function withRequestId(response: ApiResponse, requestId: string): ApiResponse {
  return { ...response, headers: { ...response.headers, 'apigw-requestid': requestId } };
}

import type { LambdaInvoker, Logger } from '../../core/contracts';
import { requestActivity, type RequestActivity } from '../activity';
import type { JwtVerifier } from '../auth/jwt-authorizer';
import type { IncomingApiRequest } from '../http/api-request';
import { gatewayMessage, type ApiResponse } from '../http/api-response';
import { RouteThrottler } from '../http/throttle';
import { MAX_PAYLOAD_BYTES } from '../http-api-engine';
import { selectRoute } from '../routing/select-route';
import { authorizeWithCognito } from './auth/cognito-authorizer';
import { gatewayResponse, type GatewayError } from './http/gateway-responses';
import type { MethodContext, RequestScope } from './http/method-context';
import { toRestRequest, type RestRequest } from './http/rest-request';
import type { ServiceCall } from './integrations/aws-service-call';
import { runRestIntegration } from './integrations/run-rest-integration';
import type { RestApi, RestStage } from './model/rest-api';
import { RequestValidation } from './validation/request-validator';

export interface RestApiEngineOptions {
  readonly apis: readonly RestApi[];
  /** Lambda proxy integrations invoke through the lambda service's entry point. */
  readonly lambda: LambdaInvoker;
  /** AWS integrations call the services' APIs at the gateway, as API Gateway calls AWS. */
  readonly callService: ServiceCall;
  /** Cognito authorizers verify tokens as the HTTP APIs' JWT authorizers do (local issuers included). */
  readonly jwt: JwtVerifier;
  readonly logger: Logger;
  readonly accountId: string;
  /** The clock (epoch ms) that request times and throttling read. */
  readonly now?: () => number;
  /** The request payload quota; API Gateway's 10 MB by default. */
  readonly maxPayloadBytes?: number;
}

/** How a request was answered, for the log and the activity stream. */
interface Answer {
  readonly response: ApiResponse;
  readonly methodKey?: string;
  readonly authorized?: boolean;
}

/**
 * The REST APIs of the local cloud: for each request below `/{stage}`, the method (403 Missing Authentication
 * Token when none), stage throttling, the Cognito authorizer, request validation, then the integration; API
 * Gateway's own answers go through the API's gateway responses.
 *
 * @example
 * const engine = new RestApiEngine({ apis, lambda, callService, jwt, logger, accountId });
 * await engine.handle({ apiId, method: 'POST', target: '/prod/checkout', rawHeaders: [], body, sourceIp, httpVersion: '1.1' });
 */
export class RestApiEngine {
  private readonly apis: ReadonlyMap<string, { api: RestApi; validation: RequestValidation }>;
  private readonly throttler: RouteThrottler;
  private readonly now: () => number;
  private readonly listeners = new Set<(activity: RequestActivity) => void>();

  constructor(private readonly options: RestApiEngineOptions) {
    this.apis = new Map(
      options.apis.map((api) => [api.id, { api, validation: new RequestValidation(api, options.logger) }]),
    );
    this.now = options.now ?? Date.now;
    this.throttler = new RouteThrottler(this.now);
  }

  /** The REST APIs served, by id. */
  get apiIds(): string[] {
    return [...this.apis.keys()];
  }

  /** Whether a REST API has this id. */
  has(apiId: string): boolean {
    return this.apis.has(apiId);
  }

  /** The stage names of a REST API. */
  stagesOf(apiId: string): string[] {
    return [...(this.apis.get(apiId)?.api.stages.keys() ?? [])];
  }

  /** Hears every request a REST API answered; returns the unsubscribe. @example engine.subscribe((a) => console.log(a.status)); */
  subscribe(listener: (activity: RequestActivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async handle(incoming: IncomingApiRequest): Promise<ApiResponse> {
    const started = performance.now();
    const entry = this.apis.get(incoming.apiId);
    const stageName = incoming.target.split(/[/?]/)[1] ?? '';
    const stage = entry?.api.stages.get(stageName);
    if (!entry || !stage) return gatewayMessage(403, 'Forbidden', { 'x-amzn-errortype': 'ForbiddenException' });
    const request = toRestRequest(incoming, stageName, new Date(this.now()));
    const scope: RequestScope = { request, stage, accountId: this.options.accountId };
    const answer = await this.respondSafely(entry.api, entry.validation, scope);
    const response = {
      ...answer.response,
      headers: {
        ...answer.response.headers,
        'x-amzn-requestid': request.requestId,
        'x-amz-apigw-id': request.extendedRequestId,
      },
    };
    this.options.logger.info('request', {
      apiId: entry.api.id,
      stage: stage.name,
      method: request.method,
      path: request.rawPath,
      status: response.statusCode,
      requestId: request.requestId,
    });
    this.report({ ...answer, response }, request, performance.now() - started);
    return response;
  }

  private async respondSafely(api: RestApi, validation: RequestValidation, scope: RequestScope): Promise<Answer> {
    try {
      return await this.respond(api, validation, scope);
    } catch (err) {
      this.options.logger.error('request failed', { apiId: api.id, requestId: scope.request.requestId, err });
      return { response: gatewayResponse(api, scope, { type: 'DEFAULT_5XX' }) };
    }
  }

  private async respond(api: RestApi, validation: RequestValidation, scope: RequestScope): Promise<Answer> {
    const fail = (error: GatewayError, at: RequestScope = scope) => gatewayResponse(api, at, error);
    if (scope.request.body.length > (this.options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES))
      return { response: fail({ type: 'REQUEST_TOO_LARGE' }) };
    const match = selectRoute(api.methods, scope.request.method, scope.request.path);
    if (!match) return { response: fail({ type: 'MISSING_AUTHENTICATION_TOKEN' }) };
    const methodKey = match.route.key.text;
    let ctx: MethodContext = { ...scope, method: match.route, pathParameters: match.pathParameters };
    if (!this.throttler.tryAcquire(api.id, throttleStage(scope.stage), methodKey))
      return { methodKey, response: fail({ type: 'THROTTLED' }, ctx) };
    const auth = match.route.authorization;
    if (auth.type === 'UNSUPPORTED') {
      this.options.logger.error('REST API method authorizer is not emulated', {
        apiId: api.id,
        method: methodKey,
        reason: auth.reason,
      });
      return { methodKey, response: fail({ type: 'AUTHORIZER_FAILURE' }, ctx) };
    }
    if (auth.type === 'COGNITO_USER_POOLS') {
      const authorization = await authorizeWithCognito(auth.authorizer, auth.scopes, scope.request, this.options.jwt);
      if (!authorization) return { methodKey, authorized: false, response: fail({ type: 'UNAUTHORIZED' }, ctx) };
      ctx = { ...ctx, authorization };
    }
    const authorized = auth.type === 'COGNITO_USER_POOLS' ? { authorized: true } : {};
    const invalid = validation.check(ctx);
    if (invalid) return { methodKey, ...authorized, response: fail(invalid, ctx) };
    const { lambda, callService, logger } = this.options;
    const outcome = await runRestIntegration(api, ctx, { lambda, callService, logger });
    return { methodKey, ...authorized, response: 'response' in outcome ? outcome.response : fail(outcome.error, ctx) };
  }

  private report(answer: Answer, request: RestRequest, durationMs: number): void {
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const activity = requestActivity({
      request: { ...request, headers },
      response: answer.response,
      durationMs,
      ...(answer.methodKey && { routeKey: answer.methodKey }),
      ...(answer.authorized !== undefined && { authorized: answer.authorized }),
    });
    for (const listener of this.listeners) {
      try {
        listener(activity);
      } catch (err) {
        this.options.logger.warn('apigateway activity listener failed', { err });
      }
    }
  }
}

/** A REST stage's method throttles in the shape the route throttler reads. */
function throttleStage(stage: RestStage) {
  return {
    name: stage.name,
    variables: stage.variables,
    routeThrottles: stage.methodThrottles,
    ...(stage.defaultThrottle && { defaultThrottle: stage.defaultThrottle }),
  };
}

import type { Json, ServicePlugin } from '../core/contracts';
import { makeActivityRoute, type RequestActivity } from './activity';
import { JwtVerifier } from './auth/jwt-authorizer';
import { apiBaseUrl, makeExecuteApiEndpoint } from './endpoint';
import { HttpApiEngine } from './http-api-engine';
import type { IncomingApiRequest } from './http/api-request';
import { makeServiceClients } from './integrations/service-clients';
import { APIGATEWAY_RESOURCE_TYPES, loadHttpApis } from './model/load-http-apis';
import { makeServiceCall } from './rest/integrations/aws-service-call';
import { loadRestApis, REST_API_RESOURCE_TYPES } from './rest/model/load-rest-apis';
import { RestApiEngine } from './rest/rest-api-engine';

export interface ApiGatewayPluginOptions {
  /**
   * The local issuer of a JWT authorizer's configured issuer, given the gateway URL; undefined keeps the
   * configured one. Pass the local Cognito's `localIssuerFor` so Cognito issuers verify against its pools.
   */
  readonly localIssuerFor?: (issuer: string, endpointUrl: string) => string | undefined;
  /** The request payload quota; API Gateway's 10 MB by default. */
  readonly maxPayloadBytes?: number;
  /** Hands the started engines to the caller (tests, the start-up report). */
  readonly onStart?: (engine: HttpApiEngine, rest: RestApiEngine) => void;
}

/**
 * The API Gateway plug-in: serves the template's HTTP APIs below `<gateway>/_aws/execute-api/{apiId}` (the
 * `ApiEndpoint` the template loader resolves) and its REST APIs below `<gateway>/_aws/execute-api/{restApiId}/{stage}`,
 * invoking Lambda through the lambda port and calling the other services through their APIs at the gateway.
 * Every answered request is streamed at `/_local/apigateway-activity` (server-sent events) for the web console.
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin(), apiGatewayPlugin()] });
 */
export function apiGatewayPlugin(options: ApiGatewayPluginOptions = {}): ServicePlugin {
  return {
    name: 'apigateway',
    resourceTypes: [...APIGATEWAY_RESOURCE_TYPES, ...REST_API_RESOURCE_TYPES],
    async start(ctx) {
      const apis = loadHttpApis(ctx.resources, ctx.logger);
      const clients = makeServiceClients(ctx.endpointUrl, ctx.region);
      // The lambda port is bound late: go through it on every call.
      const lambda = { invoke: (arn: string, payload: Json) => ctx.ports.lambda.invoke(arn, payload), invokeAsync: (arn: string, payload: Json) => ctx.ports.lambda.invokeAsync(arn, payload) };
      const jwt = new JwtVerifier({ logger: ctx.logger, issuerFor: (issuer) => options.localIssuerFor?.(issuer, ctx.endpointUrl) });
      const { logger, accountId } = ctx;
      const quota = options.maxPayloadBytes !== undefined ? { maxPayloadBytes: options.maxPayloadBytes } : {};
      const engine = new HttpApiEngine({ apis, lambda, clients, jwt, logger, accountId, ...quota });
      const rest = new RestApiEngine({ apis: loadRestApis(ctx.resources, logger), lambda, callService: makeServiceCall(ctx.endpointUrl), jwt, logger, accountId, ...quota });
      for (const api of apis) logger.info('HTTP API', { apiId: api.id, name: api.name, urls: engine.stagesOf(api.id).map((stage) => apiBaseUrl(ctx.endpointUrl, api.id, stage)) });
      for (const apiId of rest.apiIds) logger.info('REST API', { apiId, urls: rest.stagesOf(apiId).map((stage) => apiBaseUrl(ctx.endpointUrl, apiId, stage)) });
      options.onStart?.(engine, rest);
      const handler = { handle: (incoming: IncomingApiRequest) => (rest.has(incoming.apiId) ? rest.handle(incoming) : engine.handle(incoming)) };
      const subscribe = (listener: (activity: RequestActivity) => void) => {
        const stops = [engine.subscribe(listener), rest.subscribe(listener)];
        return () => stops.forEach((stop) => stop());
      };
      return {
        endpoints: [makeExecuteApiEndpoint(handler)],
        localRoutes: { 'apigateway-activity': makeActivityRoute(subscribe) },
        stop: async () => clients.destroy(),
      };
    },
  };
}

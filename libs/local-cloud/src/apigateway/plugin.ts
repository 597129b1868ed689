import type { ServicePlugin } from '../core/contracts';
import { makeActivityRoute } from './activity';
import { JwtVerifier } from './auth/jwt-authorizer';
import { apiBaseUrl, makeExecuteApiEndpoint } from './endpoint';
import { HttpApiEngine } from './http-api-engine';
import { makeServiceClients } from './integrations/service-clients';
import { APIGATEWAY_RESOURCE_TYPES, loadHttpApis } from './model/load-http-apis';

export interface ApiGatewayPluginOptions {
  /**
   * The local issuer of a JWT authorizer's configured issuer, given the gateway URL; undefined keeps the
   * configured one. Pass the local Cognito's `localIssuerFor` so Cognito issuers verify against its pools.
   */
  readonly localIssuerFor?: (issuer: string, endpointUrl: string) => string | undefined;
  /** The request payload quota; API Gateway's 10 MB by default. */
  readonly maxPayloadBytes?: number;
  /** Hands the started engine to the caller (tests, the start-up report). */
  readonly onStart?: (engine: HttpApiEngine) => void;
}

/**
 * The API Gateway plug-in: serves the template's HTTP APIs below `<gateway>/_aws/execute-api/{apiId}`
 * (the `ApiEndpoint` the template loader resolves), invoking Lambda through the lambda port and calling
 * EventBridge, SQS and Step Functions through the AWS SDK at the gateway. Every answered request is streamed at
 * `/_local/apigateway-activity` (server-sent events) for the web console.
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin(), apiGatewayPlugin()] });
 */
export function apiGatewayPlugin(options: ApiGatewayPluginOptions = {}): ServicePlugin {
  return {
    name: 'apigateway',
    resourceTypes: APIGATEWAY_RESOURCE_TYPES,
    async start(ctx) {
      const apis = loadHttpApis(ctx.resources, ctx.logger);
      const clients = makeServiceClients(ctx.endpointUrl, ctx.region);
      const engine = new HttpApiEngine({
        apis,
        // The lambda port is bound late: go through it on every call.
        lambda: { invoke: (arn, payload) => ctx.ports.lambda.invoke(arn, payload), invokeAsync: (arn, payload) => ctx.ports.lambda.invokeAsync(arn, payload) },
        clients,
        jwt: new JwtVerifier({ logger: ctx.logger, issuerFor: (issuer) => options.localIssuerFor?.(issuer, ctx.endpointUrl) }),
        logger: ctx.logger,
        accountId: ctx.accountId,
        ...(options.maxPayloadBytes !== undefined && { maxPayloadBytes: options.maxPayloadBytes }),
      });
      for (const api of apis) {
        ctx.logger.info('HTTP API', { apiId: api.id, name: api.name, urls: engine.stagesOf(api.id).map((stage) => apiBaseUrl(ctx.endpointUrl, api.id, stage)) });
      }
      options.onStart?.(engine);
      return {
        endpoints: [makeExecuteApiEndpoint(engine)],
        localRoutes: { 'apigateway-activity': makeActivityRoute((listener) => engine.subscribe(listener)) },
        stop: async () => clients.destroy(),
      };
    },
  };
}

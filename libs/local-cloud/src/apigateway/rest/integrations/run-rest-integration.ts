import type { LambdaInvoker, Logger } from '../../../core/contracts';
import type { ApiResponse } from '../../http/api-response';
import { TIMED_OUT, withTimeout } from '../../integrations/run-integration';
import { responseFromV1 } from '../../lambda/lambda-response';
import type { GatewayError } from '../http/gateway-responses';
import type { MethodContext } from '../http/method-context';
import type { AwsServiceIntegration, LambdaProxyIntegration, MockIntegration, RestApi } from '../model/rest-api';
import { BodyNotJsonError } from '../vtl/input';
import type { ServiceCall } from './aws-service-call';
import { integrationRequestBody, mockStatus } from './integration-request';
import { methodResponse, selectIntegrationResponse } from './integration-response';
import { restProxyEvent } from './lambda-proxy-event';

export interface RestIntegrationDeps {
  readonly lambda: LambdaInvoker;
  readonly callService: ServiceCall;
  readonly logger: Logger;
}

/** The client's response, or the gateway response API Gateway answers with instead. */
export type IntegrationOutcome = { readonly response: ApiResponse } | { readonly error: GatewayError };

/**
 * Runs a method's integration: a Lambda proxy invoke (502 when the function fails or answers malformed), or a
 * MOCK / AWS integration (request template, the service called with it, integration response selected and
 * mapped); 504 past the integration timeout, 500 when no integration response matches or the integration
 * cannot run locally.
 *
 * @example
 * const outcome = await runRestIntegration(api, ctx, { lambda, callService, logger });
 */
export async function runRestIntegration(
  api: RestApi,
  ctx: MethodContext,
  deps: RestIntegrationDeps,
): Promise<IntegrationOutcome> {
  const { integration } = ctx.method;
  const fields = { apiId: api.id, requestId: ctx.request.requestId, method: ctx.method.key.text };
  if (integration.type === 'UNSUPPORTED') {
    deps.logger.error('REST API method has no integration that runs locally', {
      ...fields,
      reason: integration.reason,
    });
    return { error: { type: 'API_CONFIGURATION_ERROR' } };
  }
  try {
    const outcome =
      integration.type === 'AWS_PROXY' ? invokeProxy(integration, api, ctx, deps) : runMapped(integration, ctx, deps);
    const settled = await withTimeout(outcome, integration.timeoutMs);
    if (settled !== TIMED_OUT) return settled;
    deps.logger.warn('integration timed out', { ...fields, timeoutMs: integration.timeoutMs });
    return { error: { type: 'INTEGRATION_TIMEOUT' } };
  } catch (err) {
    if (err instanceof BodyNotJsonError) return { error: { type: 'BAD_REQUEST_BODY', message: err.message } };
    deps.logger.error('integration failed', { ...fields, err });
    return {
      error:
        integration.type === 'AWS_PROXY'
          ? { type: 'DEFAULT_5XX', statusCode: 502 }
          : { type: 'API_CONFIGURATION_ERROR' },
    };
  }
}

async function invokeProxy(
  integration: LambdaProxyIntegration,
  api: RestApi,
  ctx: MethodContext,
  deps: RestIntegrationDeps,
): Promise<IntegrationOutcome> {
  const result = await deps.lambda.invoke(integration.functionArn, restProxyEvent(ctx, api.binaryMediaTypes));
  return { response: responseFromV1(result, 'application/json') };
}

async function runMapped(
  integration: MockIntegration | AwsServiceIntegration,
  ctx: MethodContext,
  deps: RestIntegrationDeps,
): Promise<IntegrationOutcome> {
  const request = integrationRequestBody(integration, ctx);
  if (request === 'UNSUPPORTED_MEDIA_TYPE') return { error: { type: 'UNSUPPORTED_MEDIA_TYPE' } };
  const upstream: ApiResponse =
    integration.type === 'MOCK'
      ? { statusCode: mockStatus(request.body), headers: {}, body: Buffer.alloc(0) }
      : await deps.callService({
          service: integration.service,
          action: integration.action,
          region: integration.region,
          body: request.body,
        });
  const selected = selectIntegrationResponse(integration.responses, upstream.statusCode);
  if (!selected) {
    deps.logger.error('no integration response matches the integration status and there is no default one', {
      method: ctx.method.key.text,
      status: upstream.statusCode,
    });
    return { error: { type: 'API_CONFIGURATION_ERROR' } };
  }
  try {
    return { response: methodResponse(selected, upstream, ctx) };
  } catch (err) {
    // The integration's answer is not JSON a response template can read: a configuration error, not the client's.
    if (err instanceof BodyNotJsonError)
      throw new Error(`The ${integration.type} integration answered a body that is not JSON`, { cause: err });
    throw err;
  }
}

import type { LambdaInvoker, Logger } from '../../core/contracts';
import { MalformedLambdaResponseError } from '../errors';
import { GatewayResponses, type ApiResponse } from '../http/api-response';
import type { IntegrationContext } from '../http/integration-context';
import { responseFromV1, responseFromV2 } from '../lambda/lambda-response';
import { eventV1 } from '../lambda/payload-v1';
import { eventV2 } from '../lambda/payload-v2';
import type { Integration, LambdaProxyIntegration, ServiceIntegration } from '../model/http-api';
import { mapRequest, mapResponse } from './apply-mapping';
import { mapValue } from './mapping-values';
import type { ServiceClients } from './service-clients';
import { callService } from './service-integrations';

export interface IntegrationDeps {
  readonly lambda: LambdaInvoker;
  readonly clients: ServiceClients;
  readonly logger: Logger;
}

/** @internal What `withTimeout` resolves to when the work took too long. */
export const TIMED_OUT = Symbol('timed out');

/**
 * Runs a route's integration and returns the client's response: the Lambda proxy response or the service's,
 * 503 `Service Unavailable` past the integration timeout, 500 `Internal Server Error` when the function
 * fails, returns a malformed response, or the integration cannot run locally.
 *
 * @example
 * const response = await runIntegration(route.integration, ctx, { lambda: ports.lambda, clients, logger });
 */
export async function runIntegration(integration: Integration | undefined, ctx: IntegrationContext, deps: IntegrationDeps): Promise<ApiResponse> {
  const fields = { requestId: ctx.request.requestId, routeKey: ctx.match.route.key.text };
  if (!integration || integration.type === 'unsupported') {
    deps.logger.error('route has no integration that runs locally', { ...fields, reason: integration?.reason ?? 'no integration' });
    return GatewayResponses.internalError();
  }
  try {
    const work = integration.type === 'lambda' ? invokeLambda(integration, ctx, deps.lambda) : invokeService(integration, ctx, deps.clients);
    const response = await withTimeout(work, integration.timeoutMs);
    if (response === TIMED_OUT) {
      deps.logger.warn('integration timed out', { ...fields, timeoutMs: integration.timeoutMs });
      return GatewayResponses.serviceUnavailable();
    }
    return mapResponse(response, integration.responseParameters, ctx);
  } catch (err) {
    const level = err instanceof MalformedLambdaResponseError ? 'warn' : 'error';
    deps.logger[level]('integration failed', { ...fields, err });
    return GatewayResponses.internalError();
  }
}

async function invokeLambda(integration: LambdaProxyIntegration, ctx: IntegrationContext, lambda: LambdaInvoker): Promise<ApiResponse> {
  const mapped = mapRequest(ctx, integration.requestParameters);
  const v2 = integration.payloadFormatVersion === '2.0';
  const result = await lambda.invoke(integration.functionArn, v2 ? eventV2(mapped) : eventV1(mapped));
  return v2 ? responseFromV2(result) : responseFromV1(result);
}

async function invokeService(integration: ServiceIntegration, ctx: IntegrationContext, clients: ServiceClients): Promise<ApiResponse> {
  const parameters = Object.fromEntries(Object.entries(integration.requestParameters).map(([name, expression]) => [name, mapValue(expression, ctx)]));
  return callService(integration.subtype, parameters, clients);
}

/**
 * The work's result, or `TIMED_OUT` once `ms` have passed (the work is not cancelled).
 * @internal
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

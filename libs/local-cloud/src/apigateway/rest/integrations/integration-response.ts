import type { ApiResponse } from '../../http/api-response';
import { contextVariable, inputParams, type MethodContext, type Overrides } from '../http/method-context';
import { parameterValue } from '../http/parameter-values';
import { headerOf } from '../http/rest-request';
import { pickTemplate } from '../http/templates';
import type { IntegrationResponse } from '../model/rest-api';
import { makeInput } from '../vtl/input';
import { renderTemplate } from '../vtl/render';
import { vtlUtil } from '../vtl/util';

/**
 * The integration response for what the integration answered, as API Gateway selects it for AWS, HTTP and MOCK
 * integrations: the first whose `SelectionPattern` (a regular expression) matches the whole status code, else
 * the default one (no pattern); undefined when neither exists (API Gateway answers 500).
 *
 * @example
 * selectIntegrationResponse([{ statusCode: 202, ... }, { statusCode: 400, selectionPattern: '4\\d{2}', ... }], 409); // the 400 one
 */
export function selectIntegrationResponse(
  responses: readonly IntegrationResponse[],
  status: number,
): IntegrationResponse | undefined {
  const matched = responses.find(
    (r) => r.selectionPattern !== undefined && new RegExp(`^(?:${r.selectionPattern})$`, 's').test(String(status)),
  );
  return matched ?? responses.find((r) => r.selectionPattern === undefined);
}

/**
 * The method response: the selected integration response's status, its template (chosen by the request's
 * `Accept`) rendered over the integration's body (which passes through without a template), its
 * `method.response.header.*` parameters, then what the template set in `$context.responseOverride`.
 *
 * @example
 * methodResponse(selected, serviceResponse, ctx); // 202 {"orderId":"o-1"}
 */
export function methodResponse(selected: IntegrationResponse, upstream: ApiResponse, ctx: MethodContext): ApiResponse {
  const picked = pickTemplate(selected.templates, headerOf(ctx.request, 'accept'));
  const context = contextVariable(ctx);
  let body = upstream.body;
  if (picked && picked[1].trim() !== '') {
    const variables = {
      input: makeInput(upstream.body.toString('utf8'), inputParams(ctx)),
      context,
      util: vtlUtil,
      stageVariables: ctx.stage.variables,
    };
    body = Buffer.from(renderTemplate(picked[1], variables));
  }
  const headers: Record<string, string> = { 'content-type': picked?.[0] ?? 'application/json' };
  for (const [name, expression] of Object.entries(selected.parameters)) {
    const value = parameterValue(expression, ctx, upstream);
    if (name.startsWith('method.response.header.') && value !== undefined)
      headers[name.slice('method.response.header.'.length).toLowerCase()] = value;
  }
  const overrides = context.responseOverride as Overrides;
  for (const [name, value] of Object.entries(overrides.header)) headers[name.toLowerCase()] = String(value);
  const overridden = Number(overrides.status);
  return {
    statusCode:
      Number.isInteger(overridden) && overridden >= 100 && overridden <= 599 ? overridden : selected.statusCode,
    headers,
    body,
  };
}

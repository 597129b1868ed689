import { contextVariable, inputParams, type MethodContext } from '../http/method-context';
import { headerOf } from '../http/rest-request';
import { requestTemplateFor } from '../http/templates';
import type { MappedIntegration } from '../model/rest-api';
import { makeInput } from '../vtl/input';
import { renderTemplate } from '../vtl/render';
import { vtlUtil } from '../vtl/util';

/**
 * The integration request's body, as `PassthroughBehavior` decides: the request template of the request's
 * content type (`application/json` when it has none) rendered; without one, the body passed through
 * (`WHEN_NO_MATCH`; `WHEN_NO_TEMPLATES` only when no template is defined) or refused with 415 (`NEVER`).
 * A template reading a body that is not JSON throws `BodyNotJsonError` (API Gateway answers 400).
 *
 * @example
 * integrationRequestBody(integration, ctx); // { body: '{"stateMachineArn":"...","input":"..."}' }
 */
export function integrationRequestBody(
  integration: MappedIntegration,
  ctx: MethodContext,
): { body: string } | 'UNSUPPORTED_MEDIA_TYPE' {
  const template = requestTemplateFor(integration.requestTemplates, headerOf(ctx.request, 'content-type'));
  const body = ctx.request.body.toString('utf8');
  if (template === undefined) {
    const hasTemplates = Object.keys(integration.requestTemplates).length > 0;
    const passes =
      integration.passthroughBehavior === 'WHEN_NO_MATCH' ||
      (integration.passthroughBehavior === 'WHEN_NO_TEMPLATES' && !hasTemplates);
    return passes ? { body } : 'UNSUPPORTED_MEDIA_TYPE';
  }
  const variables = {
    input: makeInput(body, inputParams(ctx)),
    context: contextVariable(ctx),
    util: vtlUtil,
    stageVariables: ctx.stage.variables,
  };
  return { body: renderTemplate(template, variables) };
}

/**
 * The status a MOCK integration answers: the `statusCode` its request template renders (`{ statusCode: 200 }`,
 * quotes optional, as API Gateway reads it), 200 without one.
 *
 * @example
 * mockStatus('{ "statusCode": 404 }'); // 404
 */
export function mockStatus(renderedRequest: string): number {
  const status = /["']?statusCode["']?\s*:\s*["']?(\d{3})/.exec(renderedRequest)?.[1];
  return status ? Number(status) : 200;
}

import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import type { Logger } from '../../../core/contracts';
import type { GatewayError } from '../http/gateway-responses';
import type { MethodContext } from '../http/method-context';
import { headerOf } from '../http/rest-request';
import type { RestApi } from '../model/rest-api';
import { validationMessage } from './validation-messages';

/** Where a model can be referenced from another one (`$ref`), as in AWS. */
const modelUri = (apiId: string, model: string) => `https://apigateway.amazonaws.com/restapis/${apiId}/models/${model}`;

/**
 * A REST API's request validation, as its methods' RequestValidators enable it: required request parameters
 * (`Missing required request parameters: [Idempotency-Key]`, BAD_REQUEST_PARAMETERS), then the body against
 * the JSON Schema (draft 4) model of its content type (`Invalid request body`, BAD_REQUEST_BODY, with the
 * validator's findings in `validationErrorString`).
 *
 * @example
 * const failure = new RequestValidation(api, logger).check(ctx);
 * if (failure) return gatewayResponse(api, ctx, failure);
 */
export class RequestValidation {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  private readonly compiled = new Map<string, ValidateFunction | undefined>();

  constructor(
    private readonly api: RestApi,
    private readonly logger: Logger,
  ) {
    for (const [name, schema] of api.models) this.ajv.addSchema(schema, modelUri(api.id, name));
  }

  check(ctx: MethodContext): GatewayError | undefined {
    const { validator } = ctx.method;
    const missing = validator.parameters ? missingParameters(ctx) : [];
    if (missing.length > 0)
      return {
        type: 'BAD_REQUEST_PARAMETERS',
        message: `Missing required request parameters: [${missing.join(', ')}]`,
      };
    return validator.body ? this.checkBody(ctx) : undefined;
  }

  private checkBody(ctx: MethodContext): GatewayError | undefined {
    const contentType =
      headerOf(ctx.request, 'content-type')?.split(';')[0]?.trim().toLowerCase() || 'application/json';
    const model = ctx.method.requestModels[contentType] ?? ctx.method.requestModels.$default;
    const validate = model ? this.validatorOf(model) : undefined;
    if (!validate) return undefined;
    const text = ctx.request.body.toString('utf8');
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      return {
        type: 'BAD_REQUEST_BODY',
        validationErrorString: jsonEscaped(`[Invalid JSON: ${(err as Error).message}]`),
      };
    }
    if (validate(body)) return undefined;
    return {
      type: 'BAD_REQUEST_BODY',
      validationErrorString: jsonEscaped(`[${(validate.errors ?? []).map(validationMessage).join(', ')}]`),
    };
  }

  private validatorOf(model: string): ValidateFunction | undefined {
    if (!this.compiled.has(model)) {
      try {
        this.compiled.set(model, this.ajv.getSchema(modelUri(this.api.id, model)));
      } catch (err) {
        this.logger.warn('REST API model is not a valid JSON Schema: requests are not validated against it', {
          apiId: this.api.id,
          model,
          err,
        });
        this.compiled.set(model, undefined);
      }
    }
    return this.compiled.get(model);
  }
}

function missingParameters(ctx: MethodContext): string[] {
  return Object.entries(ctx.method.requestParameters).flatMap(([key, required]) => {
    const [, , location, ...rest] = key.split('.');
    const name = rest.join('.');
    if (!required) return [];
    const present =
      location === 'header'
        ? headerOf(ctx.request, name)
        : location === 'querystring'
          ? ctx.request.query.find(([n]) => n === name)?.[1]
          : ctx.pathParameters[name];
    return present === undefined || present === '' ? [name] : [];
  });
}

/** AWS escapes the findings for a JSON string (`[\"items\"]`), so templates can quote them. */
function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

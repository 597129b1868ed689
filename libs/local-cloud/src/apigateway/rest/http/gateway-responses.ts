import type { ApiResponse } from '../../http/api-response';
import type { GatewayResponseOverride, RestApi } from '../model/rest-api';
import { renderTemplate } from '../vtl/render';
import { vtlUtil } from '../vtl/util';
import { contextVariable, type RequestScope } from './method-context';
import { parameterValue } from './parameter-values';
import { pickTemplate } from './templates';

/** The gateway response types the local REST APIs answer with, their default status, message and error type. */
const TYPES = {
  ACCESS_DENIED: [403, 'User is not authorized to access this resource', 'AccessDeniedException'],
  API_CONFIGURATION_ERROR: [500, 'Internal server error', 'InternalServerErrorException'],
  AUTHORIZER_FAILURE: [500, 'Internal server error', 'AuthorizerFailureException'],
  BAD_REQUEST_BODY: [400, 'Invalid request body', 'BadRequestException'],
  BAD_REQUEST_PARAMETERS: [400, 'Missing required request parameters', 'BadRequestException'],
  DEFAULT_5XX: [500, 'Internal server error', 'InternalServerErrorException'],
  INTEGRATION_FAILURE: [504, 'Internal server error', 'InternalServerErrorException'],
  INTEGRATION_TIMEOUT: [504, 'Endpoint request timed out', 'InternalServerErrorException'],
  MISSING_AUTHENTICATION_TOKEN: [403, 'Missing Authentication Token', 'MissingAuthenticationTokenException'],
  REQUEST_TOO_LARGE: [413, 'Request Too Long', 'RequestTooLargeException'],
  THROTTLED: [429, 'Too Many Requests', 'TooManyRequestsException'],
  UNAUTHORIZED: [401, 'Unauthorized', 'UnauthorizedException'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Unsupported Media Type', 'UnsupportedMediaTypeException'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type GatewayResponseType = keyof typeof TYPES;

/** Why API Gateway answers itself: the type, and the message unless the type's own (`$context.error.message`). */
export interface GatewayError {
  readonly type: GatewayResponseType;
  /** A status of its own (a malformed Lambda proxy response is a 502 of the DEFAULT_5XX type). */
  readonly statusCode?: number;
  readonly message?: string;
  readonly validationErrorString?: string;
}

const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

/**
 * API Gateway's own answer for a REST API, customized as the API's GatewayResponse resources say: the type's
 * own override or, without one, `DEFAULT_4XX`/`DEFAULT_5XX` (whose status code then replaces the type's);
 * the template (`{"message":$context.error.messageString}` by default) sees `$context.error.*`.
 *
 * @example
 * gatewayResponse(api, scope, { type: 'UNAUTHORIZED' }); // 401 {"message":"Unauthorized"}
 */
export function gatewayResponse(api: RestApi, scope: RequestScope, error: GatewayError): ApiResponse {
  const [defaultStatus, defaultMessage, errorType] = TYPES[error.type];
  const own = api.gatewayResponses.get(error.type);
  const fallback = api.gatewayResponses.get(defaultStatus >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
  const override: GatewayResponseOverride | undefined = own ?? fallback;
  // A customized type keeps its own status unless it sets one; the others take DEFAULT_4XX/5XX's when it has one.
  const statusCode = (own ? own.statusCode : fallback?.statusCode) ?? error.statusCode ?? defaultStatus;
  const message = error.message ?? defaultMessage;
  const [contentType, template] = pickTemplate(override?.templates ?? {}) ?? ['application/json', DEFAULT_TEMPLATE];
  const errorVariable = {
    message,
    messageString: JSON.stringify(message),
    responseType: error.type,
    validationErrorString: error.validationErrorString ?? '',
  };
  const body = renderTemplate(template, {
    context: contextVariable(scope, { error: errorVariable }),
    stageVariables: scope.stage.variables,
    util: vtlUtil,
  });
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-errortype': errorType };
  for (const [name, expression] of Object.entries(override?.parameters ?? {})) {
    const value = parameterValue(expression, scope);
    if (name.startsWith('gatewayresponse.header.') && value !== undefined)
      headers[name.slice('gatewayresponse.header.'.length).toLowerCase()] = value;
  }
  return { statusCode, headers, body: Buffer.from(body) };
}

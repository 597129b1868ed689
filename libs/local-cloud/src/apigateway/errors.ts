/** A resolved AWS::ApiGatewayV2 resource has properties API Gateway would reject. */
export class InvalidHttpApiError extends Error {
  override readonly name = 'InvalidHttpApiError';
  readonly code = 'APIGATEWAY.INVALID_HTTP_API';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A route's integration cannot run locally (an HTTP_PROXY integration, an unsupported subtype). */
export class UnsupportedIntegrationError extends Error {
  override readonly name = 'UnsupportedIntegrationError';
  readonly code = 'APIGATEWAY.UNSUPPORTED_INTEGRATION';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A Lambda proxy integration's function returned something API Gateway cannot turn into a response. */
export class MalformedLambdaResponseError extends Error {
  override readonly name = 'MalformedLambdaResponseError';
  readonly code = 'APIGATEWAY.MALFORMED_LAMBDA_RESPONSE';

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Malformed Lambda proxy response: ${reason}`, options);
  }
}

/**
 * An SSM API error: `code` is the AWS error code the SDKs turn into an exception class
 * (`ParameterNotFound` becomes `ParameterNotFound` in @aws-sdk/client-ssm), `status` the HTTP status.
 */
export class SsmError extends Error {
  override readonly name = 'SsmError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const parameterNotFound = (name: string): SsmError => new SsmError('ParameterNotFound', `Parameter ${name} not found.`);

export const validation = (message: string, options?: { cause?: unknown }): SsmError =>
  new SsmError('ValidationException', message, 400, options);

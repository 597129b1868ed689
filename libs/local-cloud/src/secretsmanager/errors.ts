/**
 * A Secrets Manager API error: `code` is the AWS error code the SDKs turn into an exception class
 * (`ResourceNotFoundException`), `status` the HTTP status.
 */
export class SecretsManagerError extends Error {
  override readonly name = 'SecretsManagerError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const invalidParameter = (message: string): SecretsManagerError => new SecretsManagerError('InvalidParameterException', message);

export const invalidRequest = (message: string): SecretsManagerError => new SecretsManagerError('InvalidRequestException', message);

export const secretNotFound = (): SecretsManagerError => new SecretsManagerError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

/**
 * A Cognito API call answered with an AWS error: `type` is the exception the SDKs raise
 * (`NotAuthorizedException`), `message` the text Cognito sends with it.
 *
 * @example
 * throw new CognitoApiError('NotAuthorizedException', 'Incorrect username or password.');
 */
export class CognitoApiError extends Error {
  override readonly name = 'CognitoApiError';
  readonly code: string;

  constructor(
    readonly type: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = `COGNITO.${upperSnake(type.replace(/Exception$/, ''))}`;
  }

  /** 500 for Cognito's own failures, 400 for everything the caller did. */
  get statusCode(): number {
    return this.type === 'InternalErrorException' ? 500 : 400;
  }
}

/** A resolved AWS::Cognito::* resource that CloudFormation would have rejected (a client of no pool). */
export class InvalidUserPoolResourceError extends Error {
  override readonly name = 'InvalidUserPoolResourceError';
  readonly code = 'COGNITO.INVALID_RESOURCE';
}

export const incorrectCredentials = (): CognitoApiError => new CognitoApiError('NotAuthorizedException', 'Incorrect username or password.');
export const userNotFound = (): CognitoApiError => new CognitoApiError('UserNotFoundException', 'User does not exist.');
export const invalidParameter = (message: string): CognitoApiError => new CognitoApiError('InvalidParameterException', message);

function upperSnake(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

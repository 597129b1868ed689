/** The API exceptions Step Functions answers with; `code` is the `__type` the SDKs map to classes. */
export type SfnErrorCode =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'StateMachineDoesNotExist'
  | 'StateMachineAlreadyExists'
  | 'StateMachineTypeNotSupported'
  | 'ResourceNotFound'
  | 'InvalidArn'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidDefinition'
  | 'InvalidToken'
  | 'InvalidOutput'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException'
  | 'UnknownOperationException';

/**
 * An API call the service refuses, answered as `{ "__type": code, "message" }` with HTTP 400.
 *
 * @example
 * throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
 */
export class StepFunctionsApiError extends Error {
  override readonly name = 'StepFunctionsApiError';
  constructor(
    readonly code: SfnErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/** Names of state machines and executions: 1 to 80 characters, none of the documented forbidden ones. */
export function checkName(name: string, what: string): void {
  if (name.length < 1 || name.length > 80 || FORBIDDEN.test(name) || [...name].some(isControl)) {
    throw new StepFunctionsApiError('InvalidName', `Invalid Name: '${name}' is not a valid ${what} name`);
  }
}

import type { Json } from '../core/contracts';

/** The error payload Lambda returns with `X-Amz-Function-Error: Unhandled`. */
export interface FunctionErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** The function ran and failed: it threw, timed out or crashed. `payload` is what Invoke returned. */
export class LambdaFunctionError extends Error {
  override readonly name = 'LambdaFunctionError';
  readonly code = 'LAMBDA.FUNCTION_ERROR';
  constructor(
    readonly functionName: string,
    readonly payload: FunctionErrorPayload,
    readonly requestId: string,
  ) {
    super(`${functionName} failed: ${payload.errorType}: ${payload.errorMessage}`);
  }

  /** The payload as JSON, as a caller of Invoke receives it. */
  toJson(): Json {
    return { ...this.payload, trace: [...(this.payload.trace ?? [])] } as Json;
  }
}

/** The function is at its reserved (or the account's) concurrency: TooManyRequestsException. */
export class LambdaThrottledError extends Error {
  override readonly name = 'LambdaThrottledError';
  readonly code = 'LAMBDA.THROTTLED';
  readonly reason: string;
  constructor(functionName: string, reserved: boolean) {
    super(`Rate Exceeded. ${functionName} is at its ${reserved ? 'reserved' : 'account'} concurrency limit`);
    this.reason = reserved ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'ConcurrentInvocationLimitExceeded';
  }
}

/** No such function, version or alias: ResourceNotFoundException. */
export class LambdaNotFoundError extends Error {
  override readonly name = 'LambdaNotFoundError';
  readonly code = 'LAMBDA.NOT_FOUND';
  constructor(reference: string) {
    super(`Function not found: ${reference}`);
  }
}

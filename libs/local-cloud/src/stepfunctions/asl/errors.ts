/**
 * An error as Amazon States Language sees it: `name` is the ASL error name that Retry and Catch match
 * (`States.TaskFailed`, `States.Runtime`, `Lambda.ServiceException`, a function's own errorType...) and
 * `message` is the cause. The name is dynamic on purpose: it is data the state machine matches on.
 * aws-local-stepfunctions reads `isRetryable`/`isCatchable` to decide whether Retry or Catch may apply.
 */
export class StatesError extends Error {
  readonly code = 'STATES.ERROR';
  private readonly retryable: boolean;
  private readonly catchable: boolean;

  constructor(errorName: string, cause: string, options?: { retryable?: boolean; catchable?: boolean }) {
    super(cause);
    this.name = errorName;
    this.retryable = options?.retryable ?? true;
    this.catchable = options?.catchable ?? true;
  }

  get isRetryable(): boolean {
    return this.retryable;
  }

  get isCatchable(): boolean {
    return this.catchable;
  }
}

/** Names Step Functions reserves, as documented under "Error names". */
export const ERRORS = {
  all: 'States.ALL',
  taskFailed: 'States.TaskFailed',
  timeout: 'States.Timeout',
  heartbeatTimeout: 'States.HeartbeatTimeout',
  runtime: 'States.Runtime',
  intrinsicFailure: 'States.IntrinsicFailure',
  resultPathMatchFailure: 'States.ResultPathMatchFailure',
  parameterPathFailure: 'States.ParameterPathFailure',
  noChoiceMatched: 'States.NoChoiceMatched',
  branchFailed: 'States.BranchFailed',
  permissions: 'States.Permissions',
} as const;

/** `States.Runtime`: an unprocessable execution; never retried, never caught (as documented). */
export function runtimeError(cause: string): StatesError {
  return new StatesError(ERRORS.runtime, cause, { retryable: false, catchable: false });
}

/** `States.IntrinsicFailure`: an intrinsic function could not be evaluated. */
export function intrinsicFailure(cause: string): StatesError {
  return new StatesError(ERRORS.intrinsicFailure, cause);
}

/** The `{ Error, Cause }` pair of any thrown value, as a Catch or an execution failure reports it. */
export function errorAndCause(err: unknown): { error: string; cause: string } {
  if (err instanceof Error) return { error: err.name, cause: err.message };
  return { error: ERRORS.runtime, cause: String(err) };
}

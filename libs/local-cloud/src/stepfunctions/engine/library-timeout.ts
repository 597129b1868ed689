import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { ERRORS, StatesError } from '../asl/errors';

type ErrorClass = new () => Error;
let timeoutClass: Promise<ErrorClass> | undefined;
let resolvedClass: ErrorClass | undefined;

/**
 * aws-local-stepfunctions lets `States.TaskFailed` match every error except instances of its own
 * (unexported) `States.Timeout` class. Our Task states time out on our clock, so to keep that documented
 * rule we raise timeouts as instances of the library's class, taken from one 1 ms probe run at start-up.
 *
 * @example
 * await loadLibraryTimeoutClass();
 * throw timeoutError('Task timed out after 5 seconds');
 */
export function loadLibraryTimeoutClass(): Promise<ErrorClass> {
  timeoutClass ??= probe().then((found) => (resolvedClass = found));
  return timeoutClass;
}

async function probe(): Promise<ErrorClass> {
  const definition = { StartAt: 'Probe', States: { Probe: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe', TimeoutSeconds: 0.001, End: true } } };
  const machine = new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
  const never = () => new Promise<null>((resolve) => setTimeout(() => resolve(null), 20).unref());
  try {
    await machine.run(null, { overrides: { taskResourceLocalHandlers: { Probe: never } } }).result;
  } catch (err) {
    const cause = (err as Error).cause;
    if (cause instanceof Error && cause.name === ERRORS.timeout) return cause.constructor as ErrorClass;
  }
  throw new Error('aws-local-stepfunctions did not raise States.Timeout from its probe: the library changed');
}

/** A `States.Timeout` error that Retry/Catch (ours and the library's) treat as the documented timeout. */
export function timeoutError(cause: string): Error {
  if (!resolvedClass) return new StatesError(ERRORS.timeout, cause);
  const err = new resolvedClass();
  err.message = cause;
  return err;
}

import { ERRORS } from './errors';
import type { Catcher, Retrier, StateDefinition } from './types';

interface MatchableError {
  readonly name: string;
  readonly isRetryable?: boolean;
  readonly isCatchable?: boolean;
}

/**
 * Whether an ErrorEquals list matches an error name: exactly, or through `States.ALL` (any error), or
 * `States.TaskFailed` (any error except `States.Timeout`), as documented under "Error names".
 *
 * @example
 * matchesErrorEquals(['States.TaskFailed'], 'Lambda.ServiceException'); // true
 */
export function matchesErrorEquals(errorEquals: readonly string[], errorName: string): boolean {
  return errorEquals.some(
    (name) => name === errorName || name === ERRORS.all || (name === ERRORS.taskFailed && errorName !== ERRORS.timeout),
  );
}

/** The first Retrier of a state that matches the error, unless the error may not be retried. */
export function findRetrier(state: StateDefinition, err: MatchableError): { index: number; retrier: Retrier } | undefined {
  if (err.isRetryable === false) return undefined;
  const index = (state.Retry ?? []).findIndex((r) => matchesErrorEquals(r.ErrorEquals, err.name));
  return index < 0 ? undefined : { index, retrier: state.Retry![index]! };
}

/** The first Catcher of a state that matches the error, unless the error may not be caught. */
export function findCatcher(state: StateDefinition, err: MatchableError): { index: number; catcher: Catcher } | undefined {
  if (err.isCatchable === false) return undefined;
  const index = (state.Catch ?? []).findIndex((c) => matchesErrorEquals(c.ErrorEquals, err.name));
  return index < 0 ? undefined : { index, catcher: state.Catch![index]! };
}

/**
 * Seconds before retry attempt `attempt` (0 for the first retry): IntervalSeconds × BackoffRate^attempt,
 * capped by MaxDelaySeconds (jitter aside), with the documented defaults 1 s and 2.0.
 */
export function retryIntervalSeconds(retrier: Retrier, attempt: number): number {
  const interval = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
  return retrier.MaxDelaySeconds === undefined ? interval : Math.min(interval, retrier.MaxDelaySeconds);
}

import type { Json } from '../../core/contracts';
import type { ContextObject } from '../asl/json-path';
import type { IntegrationDeps } from '../tasks/types';
import type { HistoryLog } from './history';

/** The execution a (sub-)machine run belongs to, as the context object describes it. */
export interface ExecutionInfo {
  readonly executionArn: string;
  readonly name: string;
  readonly input: Json;
  readonly startTime: Date;
  readonly roleArn: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
}

/** What every state of one execution shares. */
export interface RunScope {
  readonly execution: ExecutionInfo;
  readonly history: HistoryLog;
  readonly deps: IntegrationDeps;
  readonly signal: AbortSignal;
}

/**
 * The `$$` context object of one state entry, as documented under "Accessing execution data from the
 * Context object" (`$$.Task.Token` and `$$.Map.Item` are added where they apply).
 *
 * @example
 * contextObject(info, { name: 'ReserveStock', enteredTime: new Date(), retryCount: 0 }).State.Name; // 'ReserveStock'
 */
export function contextObject(info: ExecutionInfo, state: { name: string; enteredTime: Date; retryCount: number }): ContextObject {
  return {
    Execution: {
      Id: info.executionArn,
      Input: info.input,
      Name: info.name,
      RoleArn: info.roleArn,
      StartTime: info.startTime.toISOString(),
      RedriveCount: 0,
    },
    State: { EnteredTime: state.enteredTime.toISOString(), Name: state.name, RetryCount: state.retryCount },
    StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
  };
}

/** A sleep that an aborted execution cuts short (its caller then sees the abort). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

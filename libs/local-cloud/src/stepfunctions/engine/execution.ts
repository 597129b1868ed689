import type { Json } from '../../core/contracts';
import { errorAndCause, ERRORS } from '../asl/errors';
import type { MachineDefinition } from '../asl/types';
import type { IntegrationDeps } from '../tasks/types';
import type { StateMachineType } from './definition';
import { HistoryLog, payload } from './history';
import { runMachine } from './runner';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** A state machine as CreateStateMachine or the template loader registered it. */
export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly definition: MachineDefinition;
  readonly definitionText: string;
  readonly roleArn: string;
  readonly creationDate: Date;
}

/** A run was stopped (StopExecution) or timed out: the reason aborts every task still running. */
class ExecutionEndedError extends Error {
  override readonly name = 'ExecutionEndedError';
  readonly code = 'STATES.EXECUTION_ENDED';
}

/**
 * One execution: its status and result, its history, and the means to stop it. It starts running when
 * constructed; `done` settles when it ends, whatever the outcome.
 *
 * @example
 * const execution = new Execution({ arn, name, stateMachine, input: '{}', deps });
 * await execution.done;
 * execution.status; // 'SUCCEEDED'
 */
export class Execution {
  readonly arn: string;
  readonly name: string;
  readonly stateMachine: StateMachineRecord;
  /** The version it runs, when started through a version or an alias ARN. */
  readonly versionArn?: string;
  /** The alias it was started through, if any. */
  readonly aliasArn?: string;
  readonly input: string;
  readonly startDate = new Date();
  readonly history = new HistoryLog();
  readonly done: Promise<void>;
  status: ExecutionStatus = 'RUNNING';
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  private readonly controller = new AbortController();
  private readonly root = this.history.thread();

  constructor(options: { arn: string; name: string; stateMachine: StateMachineRecord; versionArn?: string; aliasArn?: string; input: string; deps: IntegrationDeps; onEvent?: (execution: Execution) => void }) {
    this.arn = options.arn;
    this.name = options.name;
    this.stateMachine = options.stateMachine;
    this.versionArn = options.versionArn;
    this.aliasArn = options.aliasArn;
    this.input = options.input;
    if (options.onEvent) this.history.onEvent(() => options.onEvent!(this));
    this.done = this.run(options.deps);
  }

  /** StopExecution: aborts the run; a finished execution stays as it is. */
  stop(error?: string, cause?: string): void {
    if (this.status !== 'RUNNING') return;
    this.end('ABORTED', { error, cause });
    this.history.append(this.root, 'ExecutionAborted', { error, cause });
    this.controller.abort(new ExecutionEndedError('The execution was stopped'));
  }

  private async run(deps: IntegrationDeps): Promise<void> {
    const input = JSON.parse(this.input) as Json;
    this.history.append(this.root, 'ExecutionStarted', { ...payload('input', input), roleArn: this.stateMachine.roleArn, stateMachineArn: this.stateMachine.arn });
    const timer = this.armTimeout(deps.timeScale);
    const execution = {
      executionArn: this.arn,
      name: this.name,
      input,
      startTime: this.startDate,
      roleArn: this.stateMachine.roleArn,
      stateMachineArn: this.stateMachine.arn,
      stateMachineName: this.stateMachine.name,
    };
    try {
      const output = await runMachine(this.stateMachine.definition, input, { execution, history: this.history, deps, signal: this.controller.signal }, this.root);
      if (this.status !== 'RUNNING') return;
      this.end('SUCCEEDED', { output: JSON.stringify(output) });
      this.history.append(this.root, 'ExecutionSucceeded', payload('output', output));
    } catch (err) {
      if (this.status !== 'RUNNING') return;
      const { error, cause } = errorAndCause(err);
      this.end('FAILED', { error: error || undefined, cause: cause || undefined });
      this.history.append(this.root, 'ExecutionFailed', { error: this.error, cause: this.cause });
    } finally {
      clearTimeout(timer);
    }
  }

  private armTimeout(timeScale: number): NodeJS.Timeout | undefined {
    const seconds = this.stateMachine.definition.TimeoutSeconds;
    if (seconds === undefined) return undefined;
    return setTimeout(() => {
      if (this.status !== 'RUNNING') return;
      const cause = `The execution did not finish within ${seconds} seconds`;
      this.end('TIMED_OUT', { error: ERRORS.timeout, cause });
      this.history.append(this.root, 'ExecutionTimedOut', { error: ERRORS.timeout, cause });
      this.controller.abort(new ExecutionEndedError(cause));
    }, Math.min(seconds * 1000 * timeScale, 2 ** 31 - 1));
  }

  private end(status: ExecutionStatus, fields: { output?: string; error?: string; cause?: string }): void {
    this.status = status;
    this.stopDate = new Date();
    Object.assign(this, fields);
  }
}

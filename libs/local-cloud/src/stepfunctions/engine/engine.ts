import { randomUUID } from 'node:crypto';
import type { ExecutionStarter, Json, LambdaInvoker } from '../../core/contracts';
import type { ConnectionResolver } from '../tasks/http';
import type { IntegrationDeps, NestedExecution } from '../tasks/types';
import { checkName, StepFunctionsApiError } from './api-errors';
import { findCorrelationId } from './correlation';
import { InvalidDefinitionError, parseDefinition, type StateMachineType } from './definition';
import { Execution, type StateMachineRecord } from './execution';
import type { HistoryEvent } from './history';
import { loadLibraryTimeoutClass } from './library-timeout';
import { type AliasRoute, StateMachineQualifiers, unqualifiedArn } from './qualifiers';
import { TaskTokens } from './task-tokens';

/** What the observer hook sees: every history event of every execution, with its correlation id. */
export interface ExecutionObservation {
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateMachineArn: string;
  readonly correlationId?: string;
  readonly status: Execution['status'];
  readonly event: HistoryEvent;
}

export interface EngineOptions {
  readonly region: string;
  readonly accountId: string;
  /** The gateway URL, for SDK integrations (AWS SDK clients pointed at the local cloud). */
  readonly endpointUrl: string;
  readonly lambda: LambdaInvoker;
  /** Multiplies Wait, Retry, timeout and heartbeat durations; 1 (the default) is real time. */
  readonly timeScale?: number;
  readonly resolveConnection?: ConnectionResolver;
  readonly observer?: (observation: ExecutionObservation) => void;
}

/**
 * State machines and their executions: the Step Functions control plane behind the API endpoint, and the
 * `ExecutionStarter` port other services (EventBridge targets, API Gateway integrations) call.
 *
 * @example
 * const engine = await StepFunctionsEngine.create({ region, accountId, endpointUrl, lambda });
 * const machine = engine.createStateMachine({ name: 'Checkout', definition, roleArn });
 * const { executionArn } = await engine.startExecution(machine.arn, '{}', 'order-1');
 */
export class StepFunctionsEngine implements ExecutionStarter {
  readonly tokens = new TaskTokens();
  readonly deps: IntegrationDeps;
  private readonly qualifiers = new StateMachineQualifiers();
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, Execution>();

  private constructor(private readonly options: EngineOptions) {
    this.deps = {
      lambda: options.lambda,
      endpointUrl: options.endpointUrl,
      region: options.region,
      resolveConnection: options.resolveConnection,
      tokens: this.tokens,
      timeScale: options.timeScale ?? 1,
      startExecution: (arn, input, name) => this.startNested(arn, input, name),
    };
  }

  static async create(options: EngineOptions): Promise<StepFunctionsEngine> {
    await loadLibraryTimeoutClass();
    return new StepFunctionsEngine(options);
  }

  createStateMachine(request: { name: string; definition: string | Json; roleArn: string; type?: StateMachineType; arn?: string }): StateMachineRecord {
    checkName(request.name, 'state machine');
    const type = request.type ?? 'STANDARD';
    let definition;
    try {
      definition = parseDefinition(request.definition, type);
    } catch (err) {
      if (err instanceof InvalidDefinitionError) throw new StepFunctionsApiError('InvalidDefinition', `Invalid State Machine Definition: ${err.message}`, { cause: err });
      throw err;
    }
    const arn = request.arn ?? `arn:aws:states:${this.options.region}:${this.options.accountId}:stateMachine:${request.name}`;
    const definitionText = typeof request.definition === 'string' ? request.definition : JSON.stringify(request.definition);
    const existing = this.machines.get(arn);
    if (existing) {
      if (existing.definitionText === definitionText && existing.type === type) return existing;
      throw new StepFunctionsApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    const record = { arn, name: request.name, type, definition, definitionText, roleArn: request.roleArn, creationDate: new Date() };
    this.machines.set(arn, record);
    return record;
  }

  /** Publishes a version (`<state machine ARN>:<n>`) of a state machine's definition, as the template's StateMachineVersion. */
  publishVersion(versionArn: string): void {
    this.stateMachine(unqualifiedArn(versionArn));
    this.qualifiers.publishVersion(versionArn);
  }

  /** An alias (`<state machine ARN>:<name>`) routing executions to one or two of its versions. */
  createAlias(aliasArn: string, routes: readonly AliasRoute[]): void {
    this.stateMachine(unqualifiedArn(aliasArn));
    this.qualifiers.createAlias(aliasArn, routes);
  }

  stateMachine(arn: string): StateMachineRecord {
    const record = this.machines.get(arn) ?? this.machines.get(unqualifiedArn(arn));
    if (!record) throw new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return record;
  }

  listStateMachines(): StateMachineRecord[] {
    return [...this.machines.values()];
  }

  /**
   * StartExecution. A Standard execution's name is unique per state machine: the same name and input while
   * it runs returns that execution again; otherwise the name is taken (`ExecutionAlreadyExists`).
   */
  async startExecution(stateMachineArn: string, input = '{}', name?: string): Promise<{ executionArn: string; startDate: Date }> {
    const execution = this.start(stateMachineArn, input, name, false);
    return { executionArn: execution.arn, startDate: execution.startDate };
  }

  /** StartSyncExecution (Express only): runs the execution to its end. */
  async startSyncExecution(stateMachineArn: string, input = '{}', name?: string): Promise<Execution> {
    const execution = this.start(stateMachineArn, input, name, true);
    await execution.done;
    return execution;
  }

  execution(arn: string): Execution {
    const execution = this.executions.get(arn);
    if (!execution) throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  }

  /** A version's or an alias's ARN lists only the executions associated with it, as ListExecutions does. */
  listExecutions(stateMachineArn: string): Execution[] {
    const machine = this.stateMachine(stateMachineArn);
    const associated = (e: Execution) =>
      stateMachineArn === machine.arn || e.versionArn === stateMachineArn || e.aliasArn === stateMachineArn;
    return [...this.executions.values()].filter((e) => e.stateMachine.arn === machine.arn && associated(e)).reverse();
  }

  /** Stops every running execution (the local cloud is shutting down). */
  stopAll(): void {
    for (const execution of this.executions.values()) execution.stop('States.Aborted', 'The local cloud stopped');
  }

  private start(stateMachineArn: string, input: string, name: string | undefined, sync: boolean): Execution {
    const { versionArn, aliasArn } = this.qualifiers.resolve(stateMachineArn);
    const machine = this.stateMachine(stateMachineArn);
    if (sync && machine.type !== 'EXPRESS') throw new StepFunctionsApiError('StateMachineTypeNotSupported', 'StartSyncExecution is only supported for EXPRESS state machines');
    checkInput(input);
    const executionName = name ?? randomUUID();
    checkName(executionName, 'execution');
    const base = `arn:aws:states:${this.options.region}:${this.options.accountId}`;
    const arn = machine.type === 'EXPRESS' ? `${base}:express:${machine.name}:${executionName}:${randomUUID()}` : `${base}:execution:${machine.name}:${executionName}`;
    const existing = this.executions.get(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new StepFunctionsApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const correlationId = findCorrelationId(JSON.parse(input) as Json);
    const observe = this.options.observer;
    const execution = new Execution({
      arn,
      name: executionName,
      stateMachine: machine,
      versionArn,
      aliasArn,
      input,
      deps: this.deps,
      onEvent: observe && ((e) => observe({ executionArn: e.arn, executionName: e.name, stateMachineArn: machine.arn, correlationId, status: e.status, event: e.history.events.at(-1)! })),
    });
    this.executions.set(arn, execution);
    return execution;
  }

  private async startNested(arn: string, input: string, name?: string): Promise<NestedExecution> {
    const execution = this.start(arn, input, name, false);
    const done = execution.done.then(() => describeExecution(execution));
    return { executionArn: execution.arn, startDate: execution.startDate, done };
  }
}

function checkInput(input: string): void {
  try {
    JSON.parse(input);
  } catch (err) {
    throw new StepFunctionsApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: ${(err as Error).message}`, { cause: err });
  }
}

/** DescribeExecution's fields of an execution (dates as Date; the API layer writes epoch seconds). */
export function describeExecution(execution: Execution): { [key: string]: Json | Date | undefined } {
  return {
    executionArn: execution.arn,
    stateMachineArn: execution.stateMachine.arn,
    stateMachineVersionArn: execution.versionArn,
    stateMachineAliasArn: execution.aliasArn,
    name: execution.name,
    status: execution.status,
    startDate: execution.startDate,
    stopDate: execution.stopDate,
    input: execution.input,
    inputDetails: { included: true },
    output: execution.output,
    ...(execution.output !== undefined && { outputDetails: { included: true } }),
    error: execution.error,
    cause: execution.cause,
    redriveCount: 0,
  };
}

import type { Json } from '../../core/contracts';
import { StepFunctionsApiError } from '../engine/api-errors';
import { describeExecution, type StepFunctionsEngine } from '../engine/engine';
import type { StateMachineType } from '../engine/definition';
import { testState } from './test-state';
import { historyEventToWire, optionalString, page, requireString, toWire, type Request } from './wire';

type Operation = (engine: StepFunctionsEngine, request: Request) => Promise<unknown> | unknown;

const STATUSES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

function describeMachine(engine: StepFunctionsEngine, arn: string): object {
  const machine = engine.stateMachine(arn);
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: machine.definitionText,
    roleArn: machine.roleArn,
    type: machine.type,
    creationDate: machine.creationDate,
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
}

function parseTaskOutput(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: ${(err as Error).message}`, { cause: err });
  }
}

/** The operations of the Step Functions API this emulator serves, by `X-Amz-Target` operation name. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  StartExecution: (engine, r) => engine.startExecution(requireString(r, 'stateMachineArn'), optionalString(r, 'input'), optionalString(r, 'name')),
  StartSyncExecution: async (engine, r) => {
    const execution = await engine.startSyncExecution(requireString(r, 'stateMachineArn'), optionalString(r, 'input'), optionalString(r, 'name'));
    const billedMs = (execution.stopDate?.getTime() ?? Date.now()) - execution.startDate.getTime();
    return { ...describeExecution(execution), billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(billedMs / 100) * 100) } };
  },
  DescribeExecution: (engine, r) => describeExecution(engine.execution(requireString(r, 'executionArn'))),
  GetExecutionHistory: (engine, r) => {
    const events = [...engine.execution(requireString(r, 'executionArn')).history.events];
    if (r.reverseOrder === true) events.reverse();
    const { items, nextToken } = page(events, r);
    return { events: items.map(historyEventToWire), nextToken };
  },
  ListExecutions: (engine, r) => {
    const filter = optionalString(r, 'statusFilter');
    if (filter && !STATUSES.has(filter)) throw new StepFunctionsApiError('ValidationException', `Invalid statusFilter '${filter}'`);
    const executions = engine.listExecutions(requireString(r, 'stateMachineArn')).filter((e) => !filter || e.status === filter);
    const { items, nextToken } = page(executions, r);
    const summaries = items.map((e) => ({ executionArn: e.arn, stateMachineArn: e.stateMachine.arn, stateMachineVersionArn: e.versionArn, stateMachineAliasArn: e.aliasArn, name: e.name, status: e.status, startDate: e.startDate, stopDate: e.stopDate }));
    return { executions: summaries, nextToken };
  },
  StopExecution: (engine, r) => {
    const execution = engine.execution(requireString(r, 'executionArn'));
    execution.stop(optionalString(r, 'error'), optionalString(r, 'cause'));
    return { stopDate: execution.stopDate ?? new Date() };
  },
  SendTaskSuccess: (engine, r) => {
    const output = parseTaskOutput(requireString(r, 'output'));
    engine.tokens.succeed(requireString(r, 'taskToken'), output);
    return {};
  },
  SendTaskFailure: (engine, r) => {
    engine.tokens.fail(requireString(r, 'taskToken'), optionalString(r, 'error') ?? '', optionalString(r, 'cause') ?? '');
    return {};
  },
  SendTaskHeartbeat: (engine, r) => {
    engine.tokens.heartbeat(requireString(r, 'taskToken'));
    return {};
  },
  DescribeStateMachine: (engine, r) => describeMachine(engine, requireString(r, 'stateMachineArn')),
  ListStateMachines: (engine, r) => {
    const { items, nextToken } = page(engine.listStateMachines(), r);
    return { stateMachines: items.map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: m.creationDate })), nextToken };
  },
  CreateStateMachine: (engine, r) => {
    const type = (optionalString(r, 'type') ?? 'STANDARD') as StateMachineType;
    if (type !== 'STANDARD' && type !== 'EXPRESS') throw new StepFunctionsApiError('ValidationException', `Invalid type '${String(type)}'`);
    const machine = engine.createStateMachine({ name: requireString(r, 'name'), definition: requireString(r, 'definition'), roleArn: requireString(r, 'roleArn'), type });
    return { stateMachineArn: machine.arn, creationDate: machine.creationDate };
  },
  TestState: (engine, r) => testState(engine.deps, r),
};

/** Runs one operation and shapes its answer for the wire. */
export async function runOperation(engine: StepFunctionsEngine, name: string, request: Request): Promise<Json> {
  const operation = OPERATIONS[name];
  if (!operation) throw new StepFunctionsApiError('UnknownOperationException', `Operation '${name}' is not supported by local-cloud's Step Functions`);
  return toWire(await operation(engine, request)) ?? {};
}

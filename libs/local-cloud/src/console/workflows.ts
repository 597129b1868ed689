import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  paginateGetExecutionHistory,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { carriesValue, parseJson } from './correlation';

export interface ExecutionSummary {
  readonly stateMachineName: string;
  readonly executionArn: string;
  readonly name: string;
  readonly status: string;
  readonly startDate?: string;
  readonly stopDate?: string;
}

/** One state of an execution, from its history: entered, then exited (or failed with the execution). */
export interface StateStep {
  readonly name: string;
  /** The state type, from the history event type (`TaskStateEntered` → `Task`). */
  readonly type: string;
  readonly enteredAt: string;
  readonly exitedAt?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly states: readonly StateStep[];
}

/**
 * Every execution of every state machine, newest first, through ListStateMachines and ListExecutions.
 * @example await listExecutions(new SFNClient({ endpoint })); // [{ stateMachineName, executionArn, status, ... }]
 */
export async function listExecutions(sfn: SFNClient): Promise<ExecutionSummary[]> {
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  const perMachine = await Promise.all(
    stateMachines.map(async (machine) => {
      const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine.stateMachineArn }));
      return executions.map((e) => ({
        stateMachineName: machine.name ?? '',
        executionArn: e.executionArn ?? '',
        name: e.name ?? '',
        status: e.status ?? 'UNKNOWN',
        ...(e.startDate && { startDate: e.startDate.toISOString() }),
        ...(e.stopDate && { stopDate: e.stopDate.toISOString() }),
      }));
    }),
  );
  return perMachine.flat().sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
}

/**
 * One execution with its state-by-state history (DescribeExecution and GetExecutionHistory).
 * @example const { states } = await describeExecution(sfn, summary); // [{ name: 'Reserve', type: 'Pass', ... }]
 */
export async function describeExecution(sfn: SFNClient, summary: ExecutionSummary): Promise<ExecutionDetail> {
  const described = await sfn.send(new DescribeExecutionCommand({ executionArn: summary.executionArn }));
  const history: HistoryEvent[] = [];
  for await (const page of paginateGetExecutionHistory({ client: sfn }, { executionArn: summary.executionArn })) history.push(...(page.events ?? []));
  return {
    ...summary,
    status: described.status ?? summary.status,
    ...(described.input !== undefined && { input: described.input }),
    ...(described.output !== undefined && { output: described.output }),
    ...(described.error !== undefined && { error: described.error }),
    ...(described.cause !== undefined && { cause: described.cause }),
    states: statesOf(history),
  };
}

/**
 * The executions whose input carries `correlationId` (anywhere in it), with their histories.
 * @example await executionsCarrying(sfn, 'c-42');
 */
export async function executionsCarrying(sfn: SFNClient, correlationId: string): Promise<ExecutionDetail[]> {
  const details = await Promise.all((await listExecutions(sfn)).map((summary) => describeExecution(sfn, summary)));
  return details.filter((detail) => carriesValue(parseJson(detail.input), correlationId));
}

function statesOf(history: readonly HistoryEvent[]): StateStep[] {
  const steps: Array<{ name: string; type: string; enteredAt: string; exitedAt?: string }> = [];
  for (const event of history) {
    const time = event.timestamp?.toISOString() ?? '';
    const entered = event.stateEnteredEventDetails?.name;
    const exited = event.stateExitedEventDetails?.name;
    if (entered !== undefined) steps.push({ name: entered, type: (event.type ?? '').replace(/StateEntered$/, ''), enteredAt: time });
    if (exited !== undefined) {
      const open = [...steps].reverse().find((step) => step.name === exited && step.exitedAt === undefined);
      if (open) open.exitedAt = time;
    }
  }
  return steps;
}

import { GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { preciseNow } from '../test-stacks/bench/probe';
import type { BenchCloud } from './cloud';
import type { Figure, Measurement } from './report';
import { perSecond, summarize } from './stats';
import { addHistory, emptyTimings, summarizeBy, type HistoryTimings } from './workflow-history';

export interface WorkflowOptions {
  readonly shard: number;
  /** Executions run one after another; their histories give the per-state figures. */
  readonly sequential: number;
  /** Executions run `inFlight` at a time, for the throughput figure. */
  readonly concurrent: number;
  readonly inFlight: number;
}

const EXECUTION_TIMEOUT_MS = 30_000;

/** Inputs that take both branches of both Choice states in turn. */
const orderInput = (i: number) =>
  JSON.stringify({ orderId: `o-${i}`, customer: i % 2 === 0 ? 'new' : 'returning', lines: [{ quantity: 1 + (i % 3), unitPrice: i % 4 < 2 ? 80 : 20 }] });

/**
 * Executions per second of the bench app's ten-state workflow (Pass, Choice, a Lambda task and a DynamoDB
 * task), run one at a time and `inFlight` at a time, and where an execution spends its time: the
 * per-state durations and the transitions between states, from GetExecutionHistory.
 *
 * @example
 * const { figures } = await measureWorkflows(bench, { shard: 4, sequential: 40, concurrent: 150, inFlight: 5 });
 */
export async function measureWorkflows(bench: BenchCloud, options: WorkflowOptions): Promise<Measurement> {
  const stateMachineArn = bench.output(options.shard, 'StateMachineArn');
  const run = runner(bench, stateMachineArn);
  await runAll(options.inFlight, options.inFlight, (i) => run(`warmup-${i}`, i));
  const sequentialStart = preciseNow();
  const sequentialArns = await runAll(options.sequential, 1, (i) => run(`sequential-${i}`, i));
  const sequentialMs = preciseNow() - sequentialStart;
  const concurrentStart = preciseNow();
  await runAll(options.concurrent, options.inFlight, (i) => run(`concurrent-${i}`, i));
  const concurrentMs = preciseNow() - concurrentStart;
  const timings = emptyTimings();
  for (const executionArn of sequentialArns) {
    const history = await bench.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    addHistory(timings, history.events ?? []);
  }
  const throughput = { sequentialPerSecond: perSecond(options.sequential, sequentialMs), concurrentPerSecond: perSecond(options.concurrent, concurrentMs) };
  return { figures: workflowFigures(options, throughput, timings), raw: { ...throughput, ...summarizeTimings(timings) } };
}

/** Starts one execution through the API and resolves with its ARN once it has succeeded. */
function runner(bench: BenchCloud, stateMachineArn: string) {
  return async (name: string, i: number): Promise<string> => {
    const { executionArn } = await bench.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: orderInput(i) }));
    if (!executionArn) throw new Error(`StartExecution of ${name} answered no executionArn`);
    const end = await bench.executions.waitFor(executionArn, EXECUTION_TIMEOUT_MS);
    if (end.type !== 'ExecutionSucceeded') throw new Error(`${executionArn} ended with ${end.type}`);
    return executionArn;
  };
}

/** Runs `count` jobs, at most `inFlight` at a time; resolves with their results in job order. */
async function runAll<T>(count: number, inFlight: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const pending = Array.from({ length: count }, (_, i) => i);
  const worker = async () => {
    for (let i = pending.shift(); i !== undefined; i = pending.shift()) results[i] = await job(i);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return results;
}

function summarizeTimings(timings: HistoryTimings) {
  return {
    execution: summarize(timings.executionMs),
    statesEntered: summarize(timings.statesEntered),
    stateByType: summarizeBy(timings.stateMsByType),
    stateByName: summarizeBy(timings.stateMsByName),
    transition: summarize(timings.transitionMs),
  };
}

function workflowFigures(options: WorkflowOptions, throughput: { sequentialPerSecond: number; concurrentPerSecond: number }, timings: HistoryTimings): Figure[] {
  const group = 'step functions: 10-state workflow';
  const s = summarizeTimings(timings);
  const mean = (type: string) => s.stateByType[type]?.mean ?? Number.NaN;
  const perState = s.execution.mean / s.statesEntered.mean;
  return [
    { group, name: 'executions/s, one at a time', value: throughput.sequentialPerSecond, unit: 'exec/s', note: `${options.sequential} Standard executions, StartExecution → end` },
    { group, name: `executions/s, ${options.inFlight} in flight`, value: throughput.concurrentPerSecond, unit: 'exec/s', note: `${options.concurrent} executions` },
    { group, name: 'execution duration p50', value: s.execution.p50, unit: 'ms', note: `history, ${s.statesEntered.mean.toFixed(1)} states per execution` },
    { group, name: 'time per state, all types', value: perState, unit: 'ms', note: 'execution duration / states entered' },
    { group, name: 'Pass state, entered → exited', value: mean('Pass'), unit: 'ms', note: 'mean; history timestamps are whole ms' },
    { group, name: 'Choice state, entered → exited', value: mean('Choice'), unit: 'ms', note: 'mean' },
    { group, name: 'transition, exited → next entered', value: s.transition.mean, unit: 'ms', note: 'mean: the engine moving to the next state' },
    { group, name: 'Task PriceOrder (Lambda invoke)', value: s.stateByName.PriceOrder?.mean ?? Number.NaN, unit: 'ms', note: 'mean, warm function' },
    { group, name: 'Task SaveOrder (DynamoDB putItem)', value: s.stateByName.SaveOrder?.mean ?? Number.NaN, unit: 'ms', note: 'mean, SDK call to the local table' },
  ];
}

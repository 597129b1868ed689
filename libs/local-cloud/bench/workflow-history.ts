import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { summarize, type Summary } from './stats';

/** Where an execution spent its time, from its history's timestamps (milliseconds, as the API gives them). */
export interface HistoryTimings {
  /** ExecutionStarted → its end, per execution. */
  readonly executionMs: number[];
  /** States entered, per execution. */
  readonly statesEntered: number[];
  /** StateEntered → StateExited, by state type ('Pass', 'Choice', 'Task', 'Succeed'). */
  readonly stateMsByType: Record<string, number[]>;
  /** StateEntered → StateExited, by state name. */
  readonly stateMsByName: Record<string, number[]>;
  /** A state's StateExited → the next state's StateEntered. */
  readonly transitionMs: number[];
}

const STATE_EVENT = /^([A-Za-z]+)State(Entered|Exited)$/;

/**
 * Adds one execution's history (GetExecutionHistory's events, oldest first) to `timings`.
 *
 * @example
 * const timings = emptyTimings();
 * addHistory(timings, (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? []);
 */
export function addHistory(timings: HistoryTimings, events: readonly HistoryEvent[]): void {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return;
  const at = (event: HistoryEvent) => event.timestamp?.getTime() ?? Number.NaN;
  const entered = new Map<string, number>();
  let lastExit: number | undefined;
  let states = 0;
  for (const event of events) {
    const match = STATE_EVENT.exec(event.type ?? '');
    if (!match) continue;
    const [, type, phase] = match as unknown as [string, string, string];
    const name = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails)?.name ?? type;
    if (phase === 'Entered') {
      states += 1;
      entered.set(name, at(event));
      if (lastExit !== undefined) timings.transitionMs.push(at(event) - lastExit);
    } else {
      const ms = at(event) - (entered.get(name) ?? at(event));
      (timings.stateMsByType[type] ??= []).push(ms);
      (timings.stateMsByName[name] ??= []).push(ms);
      lastExit = at(event);
    }
  }
  timings.executionMs.push(at(last) - at(first));
  timings.statesEntered.push(states);
}

/** Timings with nothing added yet. */
export const emptyTimings = (): HistoryTimings => ({ executionMs: [], statesEntered: [], stateMsByType: {}, stateMsByName: {}, transitionMs: [] });

/** The summary of each list, by key. */
export function summarizeBy(lists: Record<string, number[]>): Record<string, Summary> {
  return Object.fromEntries(Object.entries(lists).map(([key, values]) => [key, summarize(values)]));
}

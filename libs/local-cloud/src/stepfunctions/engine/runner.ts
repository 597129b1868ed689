import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { ExecutionAbortedError, ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { Json } from '../../core/contracts';
import type { MachineDefinition, StateDefinition } from '../asl/types';
import { runChildren } from './fan-out';
import { payload, type HistoryLog, type Thread } from './history';
import { loadLibraryTimeoutClass } from './library-timeout';
import { contextObject, sleep, type RunScope } from './scope';
import { runStep } from './steps';
import { taskEvents } from './task-events';
import { toLibraryDefinition, isRouter, stateOfRouter } from './transform';

interface EntryState {
  retryCount: number;
  enteredTime: Date;
}

type LibraryEvent = { type: string; state?: { name: string; input: Json; output?: Json } };

/**
 * Runs one (sub-)machine on aws-local-stepfunctions: the library moves from state to state and applies
 * Retry and Catch; each state's work (input/output processing, intrinsics, tasks) runs in our handler.
 * History events are recorded from the library's event log plus the events our handlers append.
 *
 * @example
 * const output = await runMachine(definition, input, scope, scope.history.thread());
 */
export async function runMachine(definition: MachineDefinition, input: Json, scope: RunScope, thread: Thread): Promise<Json> {
  await loadLibraryTimeoutClass();
  const entry: EntryState = { retryCount: 0, enteredTime: new Date() };
  const handlers: Record<string, (input: Json) => Promise<Json>> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    handlers[name] = (raw) => runHandler(name, state, raw, scope, thread, entry);
  }
  const library = toLibraryDefinition(definition, scope.deps.timeScale);
  const machine = new StateMachine(library as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
  const run = machine.run(input, { overrides: { taskResourceLocalHandlers: handlers } });
  const abort = () => run.abort();
  scope.signal.addEventListener('abort', abort, { once: true });
  void record(run.eventLogs as AsyncGenerator<LibraryEvent>, definition, scope.history, thread, entry);
  try {
    return (await run.result) as Json;
  } catch (err) {
    if (err instanceof ExecutionError) throw err.cause;
    if (err instanceof ExecutionAbortedError) throw scope.signal.reason ?? err;
    throw err;
  } finally {
    scope.signal.removeEventListener('abort', abort);
    // Let the recorder write the last StateExited before the caller appends what follows it.
    await nextMacrotask();
  }
}

async function runHandler(name: string, state: StateDefinition, raw: Json, scope: RunScope, thread: Thread, entry: EntryState): Promise<Json> {
  // The library calls us synchronously right after dispatching StateEntered/StateRetried; one macrotask
  // lets the recorder (a microtask loop) write those first, so our task events follow them in order.
  await nextMacrotask();
  const context = contextObject(scope.execution, { name, enteredTime: entry.enteredTime, retryCount: entry.retryCount });
  const result = await runStep(name, state, raw, {
    context,
    deps: scope.deps,
    signal: scope.signal,
    taskEvents: taskEvents(scope.history, thread, state, scope.deps.region),
    sleep: (ms) => sleep(ms, scope.signal),
    runChildren: (fanOut, stateName, inputs) => runChildren(scope, thread, fanOut, stateName, inputs, runMachine),
  });
  return state.Type === 'Choice' ? { next: result.next ?? null, output: result.output } : result.output;
}

async function record(events: AsyncGenerator<LibraryEvent>, definition: MachineDefinition, history: HistoryLog, thread: Thread, entry: EntryState): Promise<void> {
  for await (const event of events) {
    const name = event.state?.name;
    if (!name) continue;
    const original = isRouter(name) ? stateOfRouter(name) : name;
    const type = definition.States[original]?.Type;
    if (event.type === 'StateEntered' && !isRouter(name)) {
      Object.assign(entry, { retryCount: 0, enteredTime: new Date() });
      history.append(thread, `${type}StateEntered`, { name, ...payload('input', event.state!.input) });
    } else if (event.type === 'StateRetried') {
      entry.retryCount += 1;
    } else if (event.type === 'StateExited' && (isRouter(name) || type !== 'Choice')) {
      history.append(thread, `${type}StateExited`, { name: original, ...payload('output', event.state!.output ?? null) });
    }
  }
}

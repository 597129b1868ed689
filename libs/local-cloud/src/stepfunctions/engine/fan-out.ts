import type { Json } from '../../core/contracts';
import { errorAndCause } from '../asl/errors';
import type { MachineDefinition, StateDefinition } from '../asl/types';
import type { Thread } from './history';
import type { RunScope } from './scope';

/** Runs one sub-machine (a branch or an item processor) in its own thread of the history. */
export type RunSubMachine = (definition: MachineDefinition, input: Json, scope: RunScope, thread: Thread) => Promise<Json>;

/**
 * Parallel branches and inline Map iterations: all run (Map up to MaxConcurrency at once, 0 = no limit),
 * results keep their order, and the first failure aborts the others and fails the state with its error.
 *
 * @example
 * const results = await runChildren(scope, thread, parallelState, 'Fulfil', [input, input], runMachine);
 */
export async function runChildren(scope: RunScope, thread: Thread, state: StateDefinition, name: string, inputs: Json[], run: RunSubMachine): Promise<Json[]> {
  const { history } = scope;
  const parallel = state.Type === 'Parallel';
  history.append(thread, parallel ? 'ParallelStateStarted' : 'MapStateStarted', parallel ? undefined : { length: inputs.length });
  const controller = new AbortController();
  const abortChildren = () => controller.abort(scope.signal.reason);
  scope.signal.addEventListener('abort', abortChildren, { once: true });
  const child: RunScope = { ...scope, signal: controller.signal };
  const runOne = async (input: Json, index: number): Promise<Json> => {
    const childThread = history.thread(thread);
    if (parallel) return run(state.Branches![index]!, input, child, childThread);
    history.append(childThread, 'MapIterationStarted', { name, index });
    try {
      const output = await run((state.ItemProcessor ?? state.Iterator)!, input, child, childThread);
      history.append(childThread, 'MapIterationSucceeded', { name, index });
      return output;
    } catch (err) {
      history.append(childThread, controller.signal.aborted ? 'MapIterationAborted' : 'MapIterationFailed', { name, index });
      throw err;
    }
  };
  try {
    const results = await limited(inputs, parallel ? 0 : (state.MaxConcurrency ?? 0), runOne, controller.signal);
    history.append(thread, parallel ? 'ParallelStateSucceeded' : 'MapStateSucceeded');
    return results;
  } catch (err) {
    controller.abort(err);
    const { error, cause } = errorAndCause(err);
    history.append(thread, parallel ? 'ParallelStateFailed' : 'MapStateFailed', parallel ? undefined : { error, cause });
    throw err;
  } finally {
    scope.signal.removeEventListener('abort', abortChildren);
  }
}

/** Runs `work` over the inputs with at most `limit` at once (0: all at once), failing fast. */
async function limited<T>(inputs: Json[], limit: number, work: (input: Json, index: number) => Promise<T>, signal: AbortSignal): Promise<T[]> {
  const results: T[] = new Array<T>(inputs.length);
  let nextIndex = 0;
  const lanes = Array.from({ length: limit > 0 ? Math.min(limit, inputs.length) : inputs.length }, async () => {
    while (nextIndex < inputs.length && !signal.aborted) {
      const index = nextIndex;
      nextIndex += 1;
      results[index] = await work(inputs[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

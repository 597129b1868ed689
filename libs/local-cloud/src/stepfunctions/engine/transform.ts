import type { MachineDefinition, Retrier, StateDefinition } from '../asl/types';

const ROUTER_PREFIX = '\u0000route:';
const HANDLER_RESOURCE = 'arn:aws:lambda:us-east-1:000000000000:function:local-cloud-state-handler';
/** Longer than any Task timeout we honour, and within setTimeout's 2^31 ms range (the library's default is 60 s). */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_000_000;

/** Whether a library state name is the router that follows a Choice state. */
export const isRouter = (name: string): boolean => name.startsWith(ROUTER_PREFIX);
export const stateOfRouter = (name: string): string => name.slice(ROUTER_PREFIX.length);

/**
 * The definition aws-local-stepfunctions runs: every state becomes a Task whose local handler does the
 * state's work (so the library's own data processing never runs), keeping transitions, Retry and Catch for
 * the library. A Choice becomes a Task that decides plus a router Choice that only follows the decision.
 * Retry intervals are scaled by the time scale.
 *
 * @example
 * toLibraryDefinition({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, 1);
 */
export function toLibraryDefinition(definition: MachineDefinition, timeScale: number): MachineDefinition {
  const states: Record<string, StateDefinition> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    const task: StateDefinition = { Type: 'Task', Resource: HANDLER_RESOURCE, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS };
    if (state.Retry) task.Retry = state.Retry.map((retrier) => scaleRetrier(retrier, timeScale));
    // The library writes a Catch's ResultPath '$' to a key named '$'; absent means the same and works.
    if (state.Catch) task.Catch = state.Catch.map(({ ResultPath, ...catcher }) => (ResultPath === '$' ? catcher : { ...catcher, ResultPath }));
    if (state.Type === 'Choice') {
      const router = `${ROUTER_PREFIX}${name}`;
      states[router] = routerFor(state);
      states[name] = { ...task, Next: router };
    } else if (state.Type === 'Succeed' || state.Type === 'Fail' || state.End) {
      states[name] = { ...task, End: true };
    } else {
      states[name] = { ...task, Next: state.Next! };
    }
  }
  return { StartAt: definition.StartAt, States: states };
}

function routerFor(choice: StateDefinition): StateDefinition {
  const targets = new Set([...(choice.Choices ?? []).map((rule) => String(rule.Next)), ...(choice.Default ? [choice.Default] : [])]);
  return {
    Type: 'Choice',
    Choices: [...targets].map((target) => ({ Variable: '$.next', StringEquals: target, Next: target })),
    OutputPath: '$.output',
  };
}

function scaleRetrier(retrier: Retrier, timeScale: number): Retrier {
  const scaled: Retrier = { ...retrier, IntervalSeconds: (retrier.IntervalSeconds ?? 1) * timeScale };
  if (retrier.MaxDelaySeconds !== undefined) scaled.MaxDelaySeconds = retrier.MaxDelaySeconds * timeScale;
  return scaled;
}

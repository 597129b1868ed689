import type { Json } from '../../core/contracts';
import { chooseNext } from '../asl/choice';
import { runtimeError, StatesError } from '../asl/errors';
import { isIntrinsic, evaluateIntrinsic } from '../asl/intrinsics';
import { effectiveInput, selectPath, stateOutput, type Inspection } from '../asl/io';
import { requirePath, type ContextObject } from '../asl/json-path';
import { resolvePayload } from '../asl/payload';
import type { StateDefinition } from '../asl/types';
import { runTask } from '../tasks/dispatch';
import { parseResource } from '../tasks/resource';
import type { HttpExchange, IntegrationDeps, TaskEvents } from '../tasks/types';

/** Everything one state needs to run, whether inside an execution or under TestState. */
export interface StepEnv {
  readonly context: ContextObject;
  readonly deps: IntegrationDeps;
  readonly signal: AbortSignal;
  readonly taskEvents: TaskEvents;
  readonly inspect?: Inspection;
  readonly onHttp?: (exchange: HttpExchange) => void;
  /** Waits a Wait state's (already scaled) duration. */
  sleep(ms: number): Promise<void>;
  /** Runs Parallel branches or Map iterations; only executions provide it. */
  readonly runChildren?: (state: StateDefinition, name: string, inputs: Json[]) => Promise<Json[]>;
}

/** The outcome of one state: its output and, unless it ends the machine, the next state's name. */
export interface StepResult {
  readonly output: Json;
  readonly next?: string;
}

/**
 * Runs one state with the documented input/output processing. Errors are thrown as ASL errors
 * (their `name` is the error name); Retry and Catch are applied by the caller.
 *
 * @example
 * await runStep('Greet', { Type: 'Pass', Parameters: { 'msg.$': "States.Format('Hi {}', $.name)" }, End: true }, { name: 'Ana' }, env);
 */
export async function runStep(name: string, state: StateDefinition, rawInput: Json, env: StepEnv): Promise<StepResult> {
  const next = state.End ? undefined : state.Next;
  switch (state.Type) {
    case 'Pass': {
      const input = effectiveInput(state, rawInput, env.context, env.inspect);
      return { output: stateOutput(state, rawInput, 'Result' in state ? (state.Result as Json) : input, env.context, env.inspect), next };
    }
    case 'Task':
      return { output: await runTaskState(state, rawInput, env), next };
    case 'Choice': {
      const input = selectPath(state.InputPath, rawInput, env.context, 'InputPath');
      if (env.inspect) Object.assign(env.inspect, { input: JSON.stringify(rawInput), afterInputPath: JSON.stringify(input) });
      const chosen = chooseNext(state, input, env.context);
      return { output: selectPath(state.OutputPath, input, env.context, 'OutputPath'), next: chosen };
    }
    case 'Wait': {
      const input = selectPath(state.InputPath, rawInput, env.context, 'InputPath');
      await env.sleep(waitMs(state, input, env.context) * env.deps.timeScale);
      return { output: selectPath(state.OutputPath, input, env.context, 'OutputPath'), next };
    }
    case 'Succeed':
      return { output: selectPath(state.OutputPath, selectPath(state.InputPath, rawInput, env.context, 'InputPath'), env.context, 'OutputPath') };
    case 'Fail':
      throw failError(state, rawInput, env.context);
    case 'Parallel':
    case 'Map':
      return { output: await runFanOut(name, state, rawInput, env), next };
  }
}

async function runTaskState(state: StateDefinition, rawInput: Json, env: StepEnv): Promise<Json> {
  const resource = parseResource(state.Resource!);
  const token = resource.kind === 'integration' && resource.pattern === 'callback' ? env.deps.tokens.issue() : undefined;
  const context = token ? { ...env.context, Task: { Token: token } } : env.context;
  const afterInputPath = selectPath(state.InputPath, rawInput, context, 'InputPath');
  const parameters = effectiveInput(state, rawInput, context, env.inspect);
  const seconds = (value: number | undefined, path: string | undefined, field: string) =>
    path === undefined ? value : positiveInteger(requirePath(path, afterInputPath, context, field), field);
  const call = {
    resource,
    parameters,
    token,
    timeoutSeconds: seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, 'TimeoutSecondsPath'),
    heartbeatSeconds: seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, 'HeartbeatSecondsPath'),
    signal: env.signal,
    onHttp: env.onHttp,
  };
  const result = await runTask(env.deps, call, env.taskEvents);
  return stateOutput(state, rawInput, result, context, env.inspect);
}

async function runFanOut(name: string, state: StateDefinition, rawInput: Json, env: StepEnv): Promise<Json> {
  if (!env.runChildren) throw runtimeError(`${state.Type} states run only inside an execution`);
  let inputs: Json[];
  if (state.Type === 'Parallel') {
    const input = effectiveInput(state, rawInput, env.context, env.inspect);
    inputs = (state.Branches ?? []).map(() => input);
  } else {
    const input = selectPath(state.InputPath, rawInput, env.context, 'InputPath');
    const items = state.ItemsPath === undefined ? input : requirePath(state.ItemsPath, input, env.context, 'ItemsPath');
    if (!Array.isArray(items)) throw runtimeError(`The Map state's items must be an array, got '${JSON.stringify(items)}'`);
    const selector = state.ItemSelector ?? state.Parameters;
    inputs = items.map((Value, Index) => (selector === undefined ? Value : resolvePayload(selector, input, { ...env.context, Map: { Item: { Index, Value } } })));
  }
  const results = await env.runChildren(state, name, inputs);
  return stateOutput(state, rawInput, results, env.context, env.inspect);
}

function waitMs(state: StateDefinition, input: Json, context: ContextObject): number {
  if (state.Seconds !== undefined) return state.Seconds * 1000;
  if (state.SecondsPath !== undefined) return positiveInteger(requirePath(state.SecondsPath, input, context, 'SecondsPath'), 'SecondsPath', true) * 1000;
  const timestamp = state.Timestamp ?? requirePath(state.TimestampPath!, input, context, 'TimestampPath');
  const at = typeof timestamp === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) throw runtimeError(`The Wait state's timestamp '${String(timestamp)}' is not an RFC3339 timestamp`);
  return Math.max(0, at - Date.now());
}

function positiveInteger(value: Json, field: string, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw runtimeError(`The value of ${field} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${JSON.stringify(value)}'`);
  }
  return value;
}

function failError(state: StateDefinition, input: Json, context: ContextObject): StatesError {
  const pick = (literal: string | undefined, path: string | undefined, field: string): string => {
    if (path === undefined) return literal ?? '';
    const value = isIntrinsic(path) ? evaluateIntrinsic(path, input, context) : requirePath(path, input, context, field);
    if (typeof value !== 'string') throw runtimeError(`${field} must select a string, got '${JSON.stringify(value)}'`);
    return value;
  };
  return new StatesError(pick(state.Error, state.ErrorPath, 'ErrorPath'), pick(state.Cause, state.CausePath, 'CausePath'), { retryable: false, catchable: false });
}

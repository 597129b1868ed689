import type { Json } from '../../core/contracts';
import { errorAndCause } from '../asl/errors';
import { findCatcher, findRetrier, retryIntervalSeconds } from '../asl/error-match';
import { applyResultPath, type Inspection } from '../asl/io';
import type { ContextObject } from '../asl/json-path';
import type { MachineDefinition, StateDefinition } from '../asl/types';
import { StepFunctionsApiError } from '../engine/api-errors';
import { checkState, InvalidDefinitionError } from '../engine/definition';
import { runStep } from '../engine/steps';
import { NO_EVENTS } from '../tasks/dispatch';
import { parseResource } from '../tasks/resource';
import type { HttpExchange, IntegrationDeps } from '../tasks/types';
import { optionalString, requireString, type Request } from './wire';

/** TestState can run for up to five minutes, as documented. */
const TEST_STATE_LIMIT_MS = 5 * 60 * 1000;

interface Outcome {
  status: 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  errorDetails?: { retryIndex?: number; retryBackoffIntervalSeconds?: number; catchIndex?: number };
}

/**
 * The TestState API: runs one state's definition on an input, with its real integrations, and reports the
 * status (SUCCEEDED, FAILED, RETRIABLE when a Retrier matches, CAUGHT_ERROR when a Catcher does), the next
 * state, and at DEBUG/TRACE the data after each processing step (TRACE adds an HTTP Task's exchange).
 *
 * @example
 * await testState(deps, { definition: '{"Type":"Pass","End":true}', input: '{"a":1}', inspectionLevel: 'DEBUG' });
 */
export async function testState(deps: IntegrationDeps, request: Request): Promise<object> {
  const { name, state } = pickState(requireString(request, 'definition'), optionalString(request, 'stateName'));
  const input = parseJson(optionalString(request, 'input') ?? '{}', 'InvalidExecutionInput');
  const level = optionalString(request, 'inspectionLevel') ?? 'INFO';
  const inspect: Inspection = {};
  let http: HttpExchange | undefined;
  const signal = AbortSignal.timeout(TEST_STATE_LIMIT_MS);
  const context = request.context === undefined ? defaultContext(name, input) : (parseJson(String(request.context), 'ValidationException') as ContextObject);
  let outcome: Outcome;
  try {
    const env = { context, deps, signal, inspect, taskEvents: NO_EVENTS, onHttp: (e: HttpExchange) => (http = e), sleep: () => Promise.resolve() };
    const result = await runStep(name, state, input, env);
    outcome = { status: 'SUCCEEDED', output: JSON.stringify(result.output), nextState: result.next };
  } catch (err) {
    outcome = failureOutcome(state, input, err);
  }
  const { errorDetails, ...rest } = outcome;
  const inspectionData = level === 'INFO' ? undefined : { ...inspect, ...(errorDetails && { errorDetails }), ...(level === 'TRACE' && http && { request: http.request, response: http.response }) };
  return { ...rest, inspectionData };
}

function failureOutcome(state: StateDefinition, input: Json, err: unknown): Outcome {
  const { error, cause } = errorAndCause(err);
  const matchable = err instanceof Error ? err : { name: error };
  const retry = findRetrier(state, matchable);
  if (retry && (retry.retrier.MaxAttempts ?? 3) > 0) {
    return { status: 'RETRIABLE', error, cause, errorDetails: { retryIndex: retry.index, retryBackoffIntervalSeconds: Math.round(retryIntervalSeconds(retry.retrier, 0)) } };
  }
  const caught = findCatcher(state, matchable);
  if (caught) {
    const output = applyResultPath(caught.catcher.ResultPath, input, { Error: error, Cause: cause });
    return { status: 'CAUGHT_ERROR', error, cause, output: JSON.stringify(output), nextState: caught.catcher.Next, errorDetails: { catchIndex: caught.index } };
  }
  return { status: 'FAILED', error, cause };
}

/** The state under test: a single state, or one state (stateName, else StartAt) of a whole definition. */
function pickState(definition: string, stateName: string | undefined): { name: string; state: StateDefinition } {
  const parsed = parseJson(definition, 'InvalidDefinition') as unknown as StateDefinition | MachineDefinition;
  const machine = 'States' in parsed && parsed.States && typeof parsed.States === 'object' ? (parsed as MachineDefinition) : undefined;
  const name = machine ? (stateName ?? machine.StartAt) : (stateName ?? 'TestState');
  const state = machine ? machine.States[name] : (parsed as StateDefinition);
  if (!state || typeof state.Type !== 'string') throw new StepFunctionsApiError('InvalidDefinition', `Invalid State Machine Definition: no state '${name}' with a Type`);
  try {
    checkState(name, state, 'STANDARD');
  } catch (err) {
    if (err instanceof InvalidDefinitionError) throw new StepFunctionsApiError('InvalidDefinition', `Invalid State Machine Definition: ${err.message}`, { cause: err });
    throw err;
  }
  if (state.Type === 'Map' || state.Type === 'Parallel') throw new StepFunctionsApiError('ValidationException', `TestState does not run ${state.Type} states here (they need a mock)`);
  const resource = state.Type === 'Task' ? parseResource(state.Resource!) : undefined;
  if (resource?.kind === 'integration' && resource.pattern !== 'request') {
    throw new StepFunctionsApiError('ValidationException', 'TestState does not support the .sync or .waitForTaskToken integration patterns');
  }
  return { name, state };
}

function defaultContext(name: string, input: Json): ContextObject {
  const now = new Date().toISOString();
  return {
    Execution: { Id: 'arn:aws:states:us-east-1:000000000000:execution:TestStateMachine:test-state', Input: input, Name: 'test-state', StartTime: now, RedriveCount: 0 },
    State: { EnteredTime: now, Name: name, RetryCount: 0 },
    StateMachine: { Id: 'arn:aws:states:us-east-1:000000000000:stateMachine:TestStateMachine', Name: 'TestStateMachine' },
  };
}

function parseJson(text: string, code: 'InvalidExecutionInput' | 'InvalidDefinition' | 'ValidationException'): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new StepFunctionsApiError(code, `Invalid JSON: ${(err as Error).message}`, { cause: err });
  }
}

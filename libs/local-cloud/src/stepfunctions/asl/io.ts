import type { Json } from '../../core/contracts';
import { requirePath, setReferencePath, type ContextObject } from './json-path';
import { resolvePayload } from './payload';
import type { StateDefinition } from './types';

/** What TestState reports at DEBUG: the data after each documented processing step, as JSON text. */
export interface Inspection {
  input?: string;
  afterInputPath?: string;
  afterParameters?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
}

/** InputPath or OutputPath: absent keeps the value, `null` gives `{}`, a path selects (it must exist). */
export function selectPath(path: string | null | undefined, value: Json, context: ContextObject, field: string): Json {
  if (path === undefined) return value;
  if (path === null) return {};
  return requirePath(path, value, context, field);
}

/**
 * The effective input of a state: InputPath, then Parameters (the Map state's legacy `Parameters` is its
 * ItemSelector and is applied per item instead).
 *
 * @example
 * effectiveInput({ Type: 'Pass', InputPath: '$.a' }, { a: { b: 1 } }, {}); // { b: 1 }
 */
export function effectiveInput(state: StateDefinition, rawInput: Json, context: ContextObject, inspect?: Inspection): Json {
  if (inspect) inspect.input = JSON.stringify(rawInput);
  const afterInputPath = selectPath(state.InputPath, rawInput, context, 'InputPath');
  if (inspect) inspect.afterInputPath = JSON.stringify(afterInputPath);
  const afterParameters = state.Parameters !== undefined && state.Type !== 'Map' ? resolvePayload(state.Parameters, afterInputPath, context) : afterInputPath;
  if (inspect) inspect.afterParameters = JSON.stringify(afterParameters);
  return afterParameters;
}

/**
 * The output of a state from its result: ResultSelector, then ResultPath into the raw input, then OutputPath.
 *
 * @example
 * stateOutput({ Type: 'Pass', ResultPath: '$.r' }, { a: 1 }, 2, {}); // { a: 1, r: 2 }
 */
export function stateOutput(state: StateDefinition, rawInput: Json, result: Json, context: ContextObject, inspect?: Inspection): Json {
  if (inspect) inspect.result = JSON.stringify(result);
  const selected = state.ResultSelector !== undefined ? resolvePayload(state.ResultSelector, result, context) : result;
  if (inspect) inspect.afterResultSelector = JSON.stringify(selected);
  const placed = applyResultPath(state.ResultPath, rawInput, selected);
  if (inspect) inspect.afterResultPath = JSON.stringify(placed);
  return selectPath(state.OutputPath, placed, context, 'OutputPath');
}

/** ResultPath: absent or `$` replaces the input, `null` discards the result, a path places it. */
export function applyResultPath(path: string | null | undefined, rawInput: Json, result: Json): Json {
  if (path === undefined) return result;
  if (path === null) return rawInput;
  return setReferencePath(rawInput, path, result);
}

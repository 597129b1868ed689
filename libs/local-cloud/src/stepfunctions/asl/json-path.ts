import { JSONPath } from 'jsonpath-plus';
import type { Json } from '../../core/contracts';
import { ERRORS, runtimeError, StatesError } from './errors';

/** Operators that make a path select any number of nodes (Jayway's "indefinite" paths). */
const INDEFINITE = /\*|\.\.|\[\?|\[[^\]'"]*[,:][^\]'"]*\]|@/;

/** The `$$` context object of a state, as documented under "Context object". */
export type ContextObject = { [key: string]: Json };

/**
 * Evaluates a JSONPath against the input, or against the context object for `$$` paths. A definite path
 * yields its node (undefined when absent); an indefinite one (`[*]`, `..`, filters, unions) yields an array.
 *
 * @example
 * queryPath('$.order.id', { order: { id: 'o-1' } }, {}); // 'o-1'
 */
export function queryPath(path: string, input: Json, context: ContextObject): Json | undefined {
  const onContext = path.startsWith('$$');
  const json = onContext ? context : input;
  const expression = onContext ? path.slice(1) : path;
  if (!expression.startsWith('$')) throw runtimeError(`Invalid path '${path}': a path starts with '$'`);
  const matches = JSONPath({ path: expression, json: json as object, wrap: true, resultType: 'value' }) as Json[];
  if (INDEFINITE.test(expression)) return matches;
  return matches[0];
}

/** Like {@link queryPath}, but a path that selects nothing is a `States.Runtime` error naming the field. */
export function requirePath(path: string, input: Json, context: ContextObject, field: string): Json {
  const value = queryPath(path, input, context);
  if (value === undefined) {
    throw runtimeError(`The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`);
  }
  return value;
}

/** Splits a reference path (`$.a.b`, `$['a b'][0]`) into object keys and array indexes. */
export function referenceSegments(path: string): (string | number)[] {
  if (!path.startsWith('$')) throw runtimeError(`Invalid reference path '${path}'`);
  const segments: (string | number)[] = [];
  const pattern = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/gy;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(path);
    if (!match || match.index !== start) throw runtimeError(`Invalid reference path '${path}'`);
    const [, dotted, single, double, index] = match;
    segments.push(index !== undefined ? Number(index) : (dotted ?? single ?? double)!);
  }
  return segments;
}

/**
 * Places `value` into `target` at a reference path (ResultPath): `$` replaces the whole input, missing
 * objects on the way are created, and a path through a non-object is `States.ResultPathMatchFailure`.
 *
 * @example
 * setReferencePath({ a: 1 }, '$.result.x', 2); // { a: 1, result: { x: 2 } }
 */
export function setReferencePath(target: Json, path: string, value: Json): Json {
  const segments = referenceSegments(path);
  if (segments.length === 0) return value;
  return setAt(target, segments, value, path);
}

function setAt(target: Json, segments: (string | number)[], value: Json, path: string): Json {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    if (!Array.isArray(target) || head >= target.length) throw matchFailure(path, target);
    const copy = [...target];
    copy[head] = setAt(copy[head]!, rest, value, path);
    return copy;
  }
  if (target === null || typeof target !== 'object' || Array.isArray(target)) throw matchFailure(path, target);
  const child = target[head];
  return { ...target, [head]: rest.length === 0 ? value : setAt(child === undefined ? {} : child, rest, value, path) };
}

function matchFailure(path: string, target: Json): StatesError {
  return new StatesError(ERRORS.resultPathMatchFailure, `Unable to apply ResultPath '${path}' to input '${JSON.stringify(target)}'`);
}

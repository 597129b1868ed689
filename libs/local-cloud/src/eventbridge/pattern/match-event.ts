import type { Json } from '../../core/contracts';
import type { CompiledPattern, FieldRule, SubRule } from './compile-pattern';
import type { Leaf } from './value-tests';

/** A leaf of the event and the array elements it sits in, as (array id, element index) pairs. */
interface Occurrence {
  readonly value: Leaf;
  readonly elements: ReadonlyArray<readonly [number, number]>;
}

type FlatEvent = ReadonlyMap<string, readonly Occurrence[]>;

/**
 * Whether an event matches a compiled pattern. Fields are addressed by dot-joined paths (so a pattern's
 * `"a.b"` and `{"a": {"b"}}` are the same field, as in EventBridge); arrays in the event are looked
 * through, and fields matched inside objects of one array must come from the same element.
 * @example matchesPattern(compilePattern('{"source": ["shop.orders"]}'), { source: 'shop.orders' }) // true
 */
export function matchesPattern(pattern: CompiledPattern, event: Json): boolean {
  const flat = flattenEvent(event);
  return pattern.subRules.some((rule) => matchesSubRule(rule, flat));
}

function matchesSubRule(rule: SubRule, flat: FlatEvent): boolean {
  const choices: Array<readonly Occurrence[]> = [];
  for (const field of rule.values()) {
    const present = flat.get(field.path) ?? [];
    if (present.length === 0) {
      if (!field.matchesAbsence) return false;
      continue;
    }
    const candidates = present.filter((occurrence) => passes(field, occurrence.value));
    if (candidates.length === 0) return false;
    choices.push(candidates);
  }
  choices.sort((a, b) => a.length - b.length);
  return chooseConsistently(choices, 0, []);
}

function passes(field: FieldRule, value: Leaf): boolean {
  return field.tests.some((test) => test(value));
}

/** Backtracks for one occurrence per field such that no two sit in different elements of one array. */
function chooseConsistently(choices: Array<readonly Occurrence[]>, index: number, chosen: Occurrence[]): boolean {
  const candidates = choices[index];
  if (!candidates) return true;
  for (const candidate of candidates) {
    if (!chosen.every((other) => consistent(candidate, other))) continue;
    chosen.push(candidate);
    if (chooseConsistently(choices, index + 1, chosen)) return true;
    chosen.pop();
  }
  return false;
}

function consistent(a: Occurrence, b: Occurrence): boolean {
  if (a.elements.length === 0 || b.elements.length === 0) return true;
  const indexOf = new Map(a.elements);
  return b.elements.every(([array, element]) => (indexOf.get(array) ?? element) === element);
}

/** @internal Every leaf of the event by dot-joined path; empty arrays and objects have no leaves. */
export function flattenEvent(event: Json): FlatEvent {
  const flat = new Map<string, Occurrence[]>();
  let arrays = 0;
  const visit = (value: Json, path: string, elements: ReadonlyArray<readonly [number, number]>): void => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((item, index) => visit(item, path, [...elements, [id, index]]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`, elements);
    } else if (path !== '') {
      const list = flat.get(path) ?? [];
      list.push({ value, elements });
      flat.set(path, list);
    }
  };
  visit(event, '', []);
  return flat;
}

import { ipInRange, type IpRange } from './cidr';
import { inRange, numbersEqual, type NumericRange } from './numbers';

/** A leaf value of an event: what patterns compare against. @internal */
export type Leaf = string | number | boolean | null;

/** Whether one leaf value satisfies one pattern condition. @internal */
export type ValueTest = (value: Leaf) => boolean;

/** @internal Predicates for each kind of pattern condition, shared by the plain and anything-but forms. */
export const tests = {
  exactString: (expected: string): ValueTest => (v) => v === expected,
  exactNumber: (expected: number): ValueTest => (v) => typeof v === 'number' && numbersEqual(v, expected),
  exactLiteral: (expected: boolean | null): ValueTest => (v) => v === expected,
  prefix: (prefix: string, ignoreCase: boolean): ValueTest => {
    const wanted = ignoreCase ? fold(prefix) : prefix;
    return (v) => typeof v === 'string' && (ignoreCase ? fold(v) : v).startsWith(wanted);
  },
  suffix: (suffix: string, ignoreCase: boolean): ValueTest => {
    const wanted = ignoreCase ? fold(suffix) : suffix;
    return (v) => typeof v === 'string' && (ignoreCase ? fold(v) : v).endsWith(wanted);
  },
  equalsIgnoreCase: (expected: string): ValueTest => {
    const wanted = fold(expected);
    return (v) => typeof v === 'string' && fold(v) === wanted;
  },
  wildcard: (regex: RegExp): ValueTest => (v) => typeof v === 'string' && regex.test(v),
  numeric: (range: NumericRange): ValueTest => (v) => typeof v === 'number' && inRange(v, range),
  cidr: (range: IpRange): ValueTest => (v) => typeof v === 'string' && ipInRange(v, range),
  exists: (): ValueTest => () => true,
  anyOf: (all: readonly ValueTest[]): ValueTest => (v) => all.some((test) => test(v)),
  /** anything-but matches every leaf (null, numbers, booleans included) that none of the excluded tests match. */
  noneOf: (excluded: readonly ValueTest[]): ValueTest => (v) => !excluded.some((test) => test(v)),
};

/** Case folding for the ignore-case operators: both sides compare in lower case. */
function fold(text: string): string {
  return text.toLowerCase();
}

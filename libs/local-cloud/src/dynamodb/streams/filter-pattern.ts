import type { Json } from '../../core/contracts';
import { InvalidEventSourceMappingError } from '../errors';

/** A parsed Lambda event filter pattern (the EventBridge pattern grammar Lambda filtering documents). */
export type FilterPattern = Record<string, Json>;

/** Parses FilterCriteria.Filters[].Pattern strings; an unparsable pattern is refused as Lambda refuses it. */
export function parseFilterPatterns(filterCriteria: unknown): FilterPattern[] {
  const filters = (filterCriteria as { Filters?: Array<{ Pattern?: unknown }> } | undefined)?.Filters ?? [];
  return filters.map(({ Pattern }) => {
    const pattern = parsePattern(Pattern);
    if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) {
      throw new InvalidEventSourceMappingError(`Invalid filter pattern: ${String(Pattern)}`);
    }
    return pattern as FilterPattern;
  });
}

function parsePattern(pattern: unknown): unknown {
  if (typeof pattern !== 'string') return pattern;
  try {
    return JSON.parse(pattern);
  } catch (err) {
    throw new InvalidEventSourceMappingError(`Invalid filter pattern: ${pattern}`, { cause: err });
  }
}

/** Lambda sends a record when any filter matches it (filters are ORed); no filters lets everything through. */
export function matchesAnyFilter(patterns: FilterPattern[], record: Json): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(pattern, record));
}

/** True when every field of the pattern matches the record (`$or` alternatives, nested objects, rule lists). */
export function matchesPattern(pattern: FilterPattern, value: Json): boolean {
  return Object.entries(pattern).every(([field, rule]) => {
    if (field === '$or') return Array.isArray(rule) && rule.some((alternative) => matchesPattern(alternative as FilterPattern, value));
    const fieldValue = isObject(value) ? value[field] : undefined;
    if (Array.isArray(rule)) return rule.some((condition) => matchesCondition(condition, fieldValue));
    if (isObject(rule)) return fieldValue !== undefined && matchesPattern(rule, fieldValue);
    return false;
  });
}

function matchesCondition(condition: Json, value: Json | undefined): boolean {
  if (isObject(condition)) return matchesOperator(condition, value);
  return anyValue(value, (candidate) => candidate === condition);
}

function matchesOperator(condition: Record<string, Json>, value: Json | undefined): boolean {
  const [operator, argument] = Object.entries(condition)[0] ?? [];
  switch (operator) {
    case 'exists':
      return argument === (value !== undefined);
    case 'prefix':
      return anyValue(value, (v) => typeof v === 'string' && typeof argument === 'string' && v.startsWith(argument));
    case 'suffix':
      return anyValue(value, (v) => typeof v === 'string' && typeof argument === 'string' && v.endsWith(argument));
    case 'equals-ignore-case':
      return anyValue(value, (v) => typeof v === 'string' && v.toLowerCase() === String(argument).toLowerCase());
    case 'anything-but':
      return value !== undefined && !anyValue(value, (v) => excluded(argument ?? null, v));
    case 'numeric':
      return anyValue(value, (v) => typeof v === 'number' && numericMatches(argument, v));
    default:
      throw new InvalidEventSourceMappingError(`Unsupported filter operator: ${String(operator)}`);
  }
}

function excluded(argument: Json, value: Json): boolean {
  if (Array.isArray(argument)) return argument.includes(value);
  if (isObject(argument) && typeof argument.prefix === 'string') {
    return typeof value === 'string' && value.startsWith(argument.prefix);
  }
  return argument === value;
}

function numericMatches(argument: Json | undefined, value: number): boolean {
  if (!Array.isArray(argument)) return false;
  for (let i = 0; i + 1 < argument.length; i += 2) {
    const bound = Number(argument[i + 1]);
    const ok = { '=': value === bound, '>': value > bound, '>=': value >= bound, '<': value < bound, '<=': value <= bound }[
      String(argument[i]) as '='
    ];
    if (!ok) return false;
  }
  return true;
}

/** A field holding an array matches when any element does, as in EventBridge patterns. */
function anyValue(value: Json | undefined, test: (candidate: Json) => boolean): boolean {
  if (value === undefined) return false;
  return Array.isArray(value) ? value.some(test) : test(value);
}

function isObject(value: Json | undefined): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lambda event filtering for SQS records: the EventBridge pattern operators Lambda documents for
 * FilterCriteria, applied to the record with its `body` parsed when it is JSON. A record passes when any
 * pattern matches it.
 */

/** @internal One parsed FilterCriteria pattern. */
export type FilterPattern = { [key: string]: FilterPattern | unknown[] };

/**
 * @internal
 * @example matchesAnyFilter([{ body: { type: ['order'] } }], { body: '{"type":"order"}' }) // true
 */
export function matchesAnyFilter(filters: readonly FilterPattern[], record: Record<string, unknown>): boolean {
  if (filters.length === 0) return true;
  const subject = { ...record, body: parseBody(record['body']) };
  return filters.some((pattern) => matchesObject(pattern, subject));
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function matchesObject(pattern: FilterPattern, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return Object.entries(pattern).every(([key, rule]) =>
    Array.isArray(rule) ? matchesField(rule, key in fields, fields[key]) : matchesObject(rule, fields[key]),
  );
}

function matchesField(rules: unknown[], present: boolean, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return rules.some((rule) => {
    if (isOperator(rule) && 'exists' in rule) return rule['exists'] === present;
    return present && values.some((candidate) => matchesRule(rule, candidate));
  });
}

function matchesRule(rule: unknown, value: unknown): boolean {
  if (!isOperator(rule)) return rule === value;
  const [operator, operand] = Object.entries(rule)[0] ?? [];
  switch (operator) {
    case 'prefix':
      return typeof value === 'string' && typeof operand === 'string' && value.startsWith(operand);
    case 'suffix':
      return typeof value === 'string' && typeof operand === 'string' && value.endsWith(operand);
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof operand === 'string' && value.toLowerCase() === operand.toLowerCase();
    case 'anything-but':
      return !matchesAnythingBut(operand, value);
    case 'numeric':
      return typeof value === 'number' && Array.isArray(operand) && matchesNumeric(operand, value);
    default:
      return false;
  }
}

function matchesAnythingBut(operand: unknown, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.includes(value);
  if (isOperator(operand)) return matchesRule(operand, value);
  return operand === value;
}

function matchesNumeric(conditions: unknown[], value: number): boolean {
  for (let index = 0; index + 1 < conditions.length; index += 2) {
    const bound = Number(conditions[index + 1]);
    const holds = {
      '=': value === bound,
      '<': value < bound,
      '<=': value <= bound,
      '>': value > bound,
      '>=': value >= bound,
    }[String(conditions[index])];
    if (!holds) return false;
  }
  return true;
}

function isOperator(rule: unknown): rule is Record<string, unknown> {
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule);
}

import type { Json } from '../../core/contracts';

type Step = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'all' };

/**
 * Evaluates the JSONPath subset EventBridge supports in InputPath and InputPathsMap: `$`, dot notation
 * (names may hold dashes, underscores and slashes), bracketed names, array indices and `*` wildcards.
 * A path through a wildcard yields the array of what it reached; a missing path yields undefined.
 * @example readJsonPath({ detail: { items: [{ id: 1 }] } }, '$.detail.items[0].id') // 1
 */
export function readJsonPath(root: Json, path: string): Json | undefined {
  const steps = parsePath(path);
  if (!steps) return undefined;
  let values: Json[] = [root];
  let widened = false;
  for (const step of steps) {
    if (step.kind === 'all') widened = true;
    values = values.flatMap((value) => apply(step, value));
  }
  if (widened) return values;
  return values[0];
}

function apply(step: Step, value: Json): Json[] {
  if (step.kind === 'all') {
    if (Array.isArray(value)) return value;
    return value !== null && typeof value === 'object' ? Object.values(value) : [];
  }
  if (step.kind === 'index') {
    const item = Array.isArray(value) ? value[step.index] : undefined;
    return item === undefined ? [] : [item];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const child = value[step.key];
  return child === undefined ? [] : [child];
}

function parsePath(path: string): Step[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Step[] = [];
  const step = /\.(\*|[^.[\]]+)|\[(\*|\d+|'[^']*'|"[^"]*")\]/y;
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const match = step.exec(path);
    if (!match) return undefined;
    const token = match[1] ?? match[2] ?? '';
    if (token === '*') steps.push({ kind: 'all' });
    else if (/^\d+$/.test(token) && match[2] !== undefined) steps.push({ kind: 'index', index: Number(token) });
    else steps.push({ kind: 'key', key: token.replace(/^['"]|['"]$/g, '') });
  }
  return steps;
}

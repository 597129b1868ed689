import { JSONPath } from 'jsonpath-plus';

type Step = string | number;

/**
 * Reads a JSONPath expression from a document, as `$input.path` and `$input.json` do: `$`, `$.a.b`, `$.a[0]`,
 * `$['a']` and `$.a["b-c"]` select one value (undefined when absent); anything else (`[*]`, `..`, filters) goes
 * to a full JSONPath implementation and yields the list of matches.
 *
 * @example
 * readJsonPath({ items: [{ sku: 'TEE' }] }, '$.items[0].sku'); // 'TEE'
 * readJsonPath({ items: [{ sku: 'TEE' }] }, '$.items[*].sku'); // ['TEE']
 */
export function readJsonPath(document: unknown, path: string): unknown {
  const steps = definiteSteps(path.trim());
  if (!steps) return JSONPath({ path, json: document as object, wrap: true }) as unknown;
  let value = document;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

const STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

/** The steps of a definite path (`$.a[0]['b']`), or undefined for any other expression. */
function definiteSteps(path: string): Step[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (!match) return undefined;
    const [whole, name, index, single, double] = match;
    steps.push(index !== undefined ? Number(index) : (name ?? single ?? double ?? ''));
    rest = rest.slice(whole.length);
  }
  return steps;
}

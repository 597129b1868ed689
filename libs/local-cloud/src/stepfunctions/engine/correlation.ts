import type { Json } from '../../core/contracts';

const KEYS = new Set(['correlation_id', 'correlationId', 'CorrelationId']);

/**
 * The correlation id an execution input carries, if any: the first `correlation_id`/`correlationId` found
 * breadth-first within four levels (`detail.metadata.correlation_id` of an event, `metadata.correlation_id`...).
 *
 * @example
 * findCorrelationId({ detail: { metadata: { correlation_id: 'c-1' } } }); // 'c-1'
 */
export function findCorrelationId(input: Json): string | undefined {
  let level: Json[] = [input];
  for (let depth = 0; depth < 4 && level.length > 0; depth += 1) {
    const next: Json[] = [];
    for (const node of level) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
      for (const [key, value] of Object.entries(node)) {
        if (KEYS.has(key) && typeof value === 'string') return value;
        next.push(value);
      }
    }
    level = next;
  }
  return undefined;
}

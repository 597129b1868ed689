import type { HttpApi, Stage } from '../model/http-api';

/**
 * Picks the stage as API Gateway does: the stage the first path segment names, else `$default` with the
 * whole path; undefined (404) when neither exists.
 *
 * @example
 * selectStage(api, '/prod/pets'); // { stage: prod, path: '/pets' }, or { stage: $default, path: '/prod/pets' }
 */
export function selectStage(api: HttpApi, target: string): { stage: Stage; path: string } | undefined {
  const path = target.split('?')[0] || '/';
  const first = path.split('/')[1] ?? '';
  const named = first && first !== '$default' ? api.stages.get(first) : undefined;
  if (named) return { stage: named, path: path.slice(first.length + 1) || '/' };
  const fallback = api.stages.get('$default');
  return fallback ? { stage: fallback, path } : undefined;
}

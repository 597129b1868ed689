import type { PathSegment, Route, RouteKey } from '../model/http-api';

/** The route a request goes to, and the path variables it captured (decoded, as API Gateway passes them). */
export interface RouteMatch<R extends Routable = Route> {
  readonly route: R;
  readonly pathParameters: Readonly<Record<string, string>>;
}

/** Anything keyed like a route: an HTTP API route, a REST API method (`POST /checkout`). */
export interface Routable {
  readonly key: RouteKey;
}

interface Candidate<R extends Routable> extends RouteMatch<R> {
  /** Per segment, 1 for a literal and 0 for a variable: compared left to right, literals win. */
  readonly specificity: readonly number[];
  readonly greedy: boolean;
  readonly exactMethod: boolean;
}

/**
 * Selects the route as API Gateway does for HTTP APIs: a full match of route and method first (the most
 * specific path, then a named method over `ANY`), then a route with a greedy path variable (the longest
 * path before it), then `$default`. A greedy variable needs at least one segment: `/{proxy+}` does not
 * match `/`.
 *
 * @example
 * selectRoute(routes, 'GET', '/pets/cat/1'); // GET /pets/{proxy+} when there is no GET /pets/cat/{id}
 */
export function selectRoute<R extends Routable>(routes: readonly R[], method: string, path: string): RouteMatch<R> | undefined {
  const segments = splitPath(path);
  const candidates = routes.flatMap((route) => {
    const candidate = matchRoute(route, method, segments);
    return candidate ? [candidate] : [];
  });
  const best = candidates.sort(compareCandidates)[0];
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  const fallback = routes.find((route) => route.key.kind === 'default');
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
}

function matchRoute<R extends Routable>(route: R, method: string, segments: readonly string[]): Candidate<R> | undefined {
  const key = route.key;
  if (key.kind !== 'path' || (key.method !== 'ANY' && key.method !== method)) return undefined;
  const captured = matchSegments(key.segments, segments);
  if (!captured) return undefined;
  return {
    route,
    pathParameters: captured.parameters,
    specificity: key.segments.map((s) => (s.kind === 'literal' ? 1 : 0)),
    greedy: key.segments.at(-1)?.kind === 'greedy',
    exactMethod: key.method === method,
  };
}

function matchSegments(pattern: readonly PathSegment[], segments: readonly string[]): { parameters: Record<string, string> } | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of pattern.entries()) {
    const actual = segments[index];
    if (segment.kind === 'greedy') {
      const rest = segments.slice(index);
      if (rest.length === 0 || rest.every((s) => s === '')) return undefined;
      parameters[segment.name] = decode(rest.join('/'));
      return { parameters };
    }
    if (actual === undefined || actual === '') return undefined;
    if (segment.kind === 'literal' && decode(actual) !== segment.value) return undefined;
    if (segment.kind === 'variable') parameters[segment.name] = decode(actual);
  }
  return pattern.length === segments.length ? { parameters } : undefined;
}

function compareCandidates<R extends Routable>(a: Candidate<R>, b: Candidate<R>): number {
  if (a.greedy !== b.greedy) return a.greedy ? 1 : -1;
  if (a.greedy && a.specificity.length !== b.specificity.length) return b.specificity.length - a.specificity.length;
  for (let i = 0; i < Math.min(a.specificity.length, b.specificity.length); i += 1) {
    const diff = (b.specificity[i] ?? 0) - (a.specificity[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return Number(b.exactMethod) - Number(a.exactMethod);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

import { InvalidHttpApiError } from '../errors';
import type { PathSegment, RouteKey } from '../model/http-api';

const METHODS = new Set(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Parses a route key as API Gateway does: `$default`, or `METHOD /path` where a segment `{name}` is a path
 * variable and a last segment `{name+}` a greedy one.
 *
 * @example
 * parseRouteKey('GET /pets/{id}'); // { kind: 'path', method: 'GET', segments: [literal 'pets', variable 'id'] }
 */
export function parseRouteKey(text: string): RouteKey {
  if (text === '$default') return { kind: 'default', text };
  const [method = '', path = '', ...rest] = text.split(' ');
  if (rest.length > 0 || !METHODS.has(method) || !path.startsWith('/')) {
    throw new InvalidHttpApiError(`Invalid route key '${text}': expected '$default' or 'METHOD /path'`);
  }
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const segments = parts.map((part, index) => parseSegment(part, index === parts.length - 1, text));
  return { kind: 'path', text, method, segments };
}

function parseSegment(part: string, last: boolean, key: string): PathSegment {
  const variable = /^\{([^{}+]+)(\+?)\}$/.exec(part);
  if (!variable) return { kind: 'literal', value: part };
  const name = variable[1] ?? '';
  if (variable[2] !== '+') return { kind: 'variable', name };
  if (!last) throw new InvalidHttpApiError(`Invalid route key '${key}': a greedy path variable must end the path`);
  return { kind: 'greedy', name };
}

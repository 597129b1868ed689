import { describe, expect, it } from 'vitest';
import type { Route } from '../model/http-api';
import { parseRouteKey } from './route-key';
import { selectRoute } from './select-route';

const routes = (...keys: string[]): Route[] => keys.map((key) => ({ key: parseRouteKey(key), authorization: { type: 'NONE' } }));
const selected = (all: Route[], method: string, path: string) => selectRoute(all, method, path)?.route.key.text;

describe('selectRoute', () => {
  // The example table of "Routing API requests" in the API Gateway developer guide.
  const documented = routes('GET /pets/dog/{id}', 'GET /pets/{proxy+}', 'ANY /{proxy+}', '$default');

  it('prefers a full match of route and method', () => {
    expect(selected(documented, 'GET', '/pets/dog/1')).toBe('GET /pets/dog/{id}');
  });

  it('falls back to the route with the method and a greedy path variable', () => {
    expect(selected(documented, 'GET', '/pets/cat/1')).toBe('GET /pets/{proxy+}');
  });

  it('sends other methods to ANY with a greedy variable before $default', () => {
    expect(selected(documented, 'POST', '/test/5')).toBe('ANY /{proxy+}');
  });

  it('sends what no route matches to $default', () => {
    expect(selected(documented, 'GET', '/')).toBe('$default');
  });

  it('answers nothing when no route matches and there is no $default route', () => {
    expect(selectRoute(routes('GET /pets'), 'GET', '/owners')).toBeUndefined();
  });

  it('prefers a literal segment over a path variable', () => {
    const all = routes('GET /pets/{id}', 'GET /pets/mine');

    expect(selected(all, 'GET', '/pets/mine')).toBe('GET /pets/mine');
    expect(selected(all, 'GET', '/pets/7')).toBe('GET /pets/{id}');
  });

  it('prefers a named method over ANY on the same path', () => {
    const all = routes('ANY /orders', 'POST /orders');

    expect(selected(all, 'POST', '/orders')).toBe('POST /orders');
    expect(selected(all, 'DELETE', '/orders')).toBe('ANY /orders');
  });

  it('prefers the greedy route with the longest path before its variable', () => {
    const all = routes('ANY /{proxy+}', 'ANY /api/{proxy+}');

    expect(selected(all, 'GET', '/api/v1/items')).toBe('ANY /api/{proxy+}');
  });

  it('does not match the parent path itself with a greedy variable', () => {
    expect(selectRoute(routes('ANY /{proxy+}'), 'GET', '/')).toBeUndefined();
    expect(selectRoute(routes('GET /files/{path+}'), 'GET', '/files')).toBeUndefined();
  });

  it('captures decoded path variables, the greedy one with its slashes', () => {
    const match = selectRoute(routes('GET /shops/{shop}/files/{path+}'), 'GET', '/shops/caf%C3%A9/files/a/b%20c.txt');

    expect(match?.pathParameters).toEqual({ shop: 'café', path: 'a/b c.txt' });
  });

  it('matches the root route only for the root path', () => {
    const all = routes('GET /', 'GET /{id}');

    expect(selected(all, 'GET', '/')).toBe('GET /');
    expect(selected(all, 'GET', '/7')).toBe('GET /{id}');
  });

  it('does not send HEAD requests to a GET route', () => {
    expect(selectRoute(routes('GET /pets'), 'HEAD', '/pets')).toBeUndefined();
  });
});

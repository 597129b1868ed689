/**
 * A `GET` request as an HTTP API sends it to a Lambda proxy integration (payload format 2.0), with no JWT claims:
 * a pre-traffic hook's smoke event (`LiveAlias`'s `smokeEvent`). Choose a route and path the handler answers with
 * no side effect, such as the read of an id that cannot exist.
 *
 * @example
 * httpGetSmokeEvent('GET /carts/{cartId}', { cartId: 'smoke-test' }); // rawPath '/carts/smoke-test'
 */
export function httpGetSmokeEvent(routeKey: `GET /${string}`, pathParameters: Record<string, string>) {
  const template = routeKey.slice('GET '.length);
  const rawPath = template.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters[name] ?? `{${name}}`);
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: '',
    headers: { accept: 'application/json' },
    pathParameters,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'pre-traffic-hook',
      domainName: 'pre-traffic-hook',
      domainPrefix: 'pre-traffic-hook',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'pre-traffic-hook' },
      requestId: 'pre-traffic-hook',
      routeKey,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
    },
    isBase64Encoded: false,
  };
}

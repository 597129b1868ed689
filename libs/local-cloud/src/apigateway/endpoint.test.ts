import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { JwtVerifier } from './auth/jwt-authorizer';
import { apiBaseUrl, makeExecuteApiEndpoint, startExecuteApiServer } from './endpoint';
import { HttpApiEngine } from './http-api-engine';
import { makeServiceClients } from './integrations/service-clients';
import { loadHttpApis } from './model/load-http-apis';
import { ACCOUNT_ID, API_ID, anHttpApi, FakeLambda, lambdaRoute, REGION } from './test-support';

let server: Awaited<ReturnType<typeof startExecuteApiServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveOnOwnPort(lambda: FakeLambda) {
  const apis = loadHttpApis([...anHttpApi(), ...lambdaRoute('GET /', 'home'), ...lambdaRoute('GET /products', 'home')], silentLogger);
  const engine = new HttpApiEngine({ apis, lambda, clients: makeServiceClients('http://127.0.0.1:9', REGION), jwt: new JwtVerifier({ logger: silentLogger }), logger: silentLogger, accountId: ACCOUNT_ID });
  server = await startExecuteApiServer(makeExecuteApiEndpoint(engine));
  return server.url;
}

describe('execute-api endpoint', () => {
  it('serves the APIs on a listener of its own', async () => {
    const url = await serveOnOwnPort(new FakeLambda({ home: (event) => ({ path: event.rawPath ?? null }) }));

    const response = await fetch(`${apiBaseUrl(url, API_ID)}/products`);

    expect(await response.json()).toEqual({ path: '/products' });
  });

  it('sends the base URL itself, with or without a trailing slash, to the root route', async () => {
    const url = await serveOnOwnPort(new FakeLambda({ home: (event) => ({ path: event.rawPath ?? null }) }));

    const bare = await (await fetch(apiBaseUrl(url, API_ID))).json();
    const slash = await (await fetch(`${apiBaseUrl(url, API_ID)}/`)).json();

    expect(bare).toEqual({ path: '/' });
    expect(slash).toEqual({ path: '/' });
  });

  it('answers 404 for a path outside /_aws/execute-api/', async () => {
    const url = await serveOnOwnPort(new FakeLambda({}));

    const response = await fetch(`${url}/products`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('builds base URLs as the stage decides: none for $default, the stage name otherwise', () => {
    expect(apiBaseUrl('http://127.0.0.1:4566', API_ID)).toBe(`http://127.0.0.1:4566/_aws/execute-api/${API_ID}`);
    expect(apiBaseUrl('http://127.0.0.1:4566', API_ID, 'prod')).toBe(`http://127.0.0.1:4566/_aws/execute-api/${API_ID}/prod`);
  });
});

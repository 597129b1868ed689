import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../core/contracts';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { localIssuerFor } from './issuer';
import { cognitoService } from './plugin';
import { aClient, aUserPool, CLIENT_ID, FakeLambda, FUNCTION_ARN, POOL_ID, TEST_REGION } from './test-support';

const lambda = new FakeLambda({ [FUNCTION_ARN]: (event) => event });
const gateway = new Gateway({ logger: silentLogger });
let service: RunningService;
let client: CognitoIdentityProviderClient;
let url: string;

beforeAll(async () => {
  url = await gateway.listen(0);
  const { ports, provide } = makeLatePorts();
  provide({ lambda });
  const resources = [aUserPool({ LambdaConfig: { PostConfirmation: FUNCTION_ARN } }), aClient()];
  service = await cognitoService().start({ resources, ports, logger: silentLogger, endpointUrl: url, region: TEST_REGION, accountId: '000000000000', dataDir: '/tmp' });
  for (const endpoint of service.endpoints) gateway.register(endpoint);
  for (const [name, route] of Object.entries(service.localRoutes ?? {})) gateway.route(name, route);
  client = new CognitoIdentityProviderClient({ endpoint: url, region: TEST_REGION, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
});
afterAll(async () => {
  client.destroy();
  await service.stop();
  await gateway.close();
});

describe('the Cognito plug-in behind the gateway', () => {
  it('serves sign-up to sign-in, exposes the code, runs the trigger through the lambda port, and publishes the keys', async () => {
    await client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', Password: 'Correct-horse-9' }));
    const { messages } = (await (await fetch(`${url}/_local/cognito/messages?userPoolId=${POOL_ID}&username=ana@example.com`)).json()) as { messages: Array<{ code: string; destination: string }> };
    await client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'ana@example.com', ConfirmationCode: messages[0]?.code }));

    const { AuthenticationResult } = await client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PASSWORD: 'Correct-horse-9' } }));

    const issuer = localIssuerFor(`https://cognito-idp.${TEST_REGION}.amazonaws.com/${POOL_ID}`, url) ?? '';
    const { payload } = await jwtVerify(AuthenticationResult?.IdToken ?? '', createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)), { issuer, audience: CLIENT_ID });
    expect(messages[0]?.destination).toBe('ana@example.com');
    expect(payload.email).toBe('ana@example.com');
    expect(lambda.calls.map((call) => (call.payload as { triggerSource: string }).triggerSource)).toEqual(['PostConfirmation_ConfirmSignUp']);
  });

  it('lists the pools with their issuer', async () => {
    const { pools } = (await (await fetch(`${url}/_local/cognito/pools`)).json()) as { pools: Array<{ userPoolId: string; issuer: string }> };

    expect(pools).toEqual([expect.objectContaining({ userPoolId: POOL_ID, issuer: `${url}/${POOL_ID}` })]);
  });
});

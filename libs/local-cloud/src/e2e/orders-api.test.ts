import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthOrdersApiApp } from '../../test-stacks/e2e/orders-api-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let cognito: CognitoIdentityProviderClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthOrdersApiApp, 'OrdersApi');
  cognito = new CognitoIdentityProviderClient({});
  dynamodb = new DynamoDBClient({});
});

afterAll(async () => {
  cognito?.destroy();
  dynamodb?.destroy();
  await e2e?.stop();
});

const EMAIL = 'ana@example.com';
const PASSWORD = 'Correct-horse-9';

/** Signs up, confirms with the emailed code (read from the local outbox) and signs in, as the storefront would. */
async function signIn(): Promise<string> {
  const ClientId = e2e.output('UserPoolClientId');
  await cognito.send(new SignUpCommand({ ClientId, Username: EMAIL, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: EMAIL }] }));
  const outbox = await fetch(`${e2e.cloud.url}/_local/cognito/messages?username=${encodeURIComponent(EMAIL)}`);
  const { messages } = (await outbox.json()) as { messages: Array<{ code?: string }> };
  await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: EMAIL, ConfirmationCode: messages.at(-1)?.code }));
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: EMAIL, PASSWORD } }),
  );
  return AuthenticationResult?.AccessToken ?? '';
}

const placeOrder = (headers: Record<string, string>) =>
  fetch(`${e2e.output('ApiUrl')}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ sku: 'TEE-M', quantity: 2 }) });

const subjectOf = (jwt: string): string => (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;

describe('an HTTP API with a Cognito authorizer, publishing to a bus whose rule feeds a queue consumer', () => {
  it('emulates every resource type of the stack', () => {
    const report = e2e.cloud.report;

    expect(report.filter((line) => line.startsWith('unsupported'))).toEqual([]);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^emulated\s+AWS::ApiGatewayV2::Authorizer x1: by apigateway$/),
        expect.stringMatching(/^emulated\s+AWS::Cognito::UserPoolClient x1: by cognito$/),
        expect.stringMatching(/^emulated\s+AWS::Events::Rule x1: by eventbridge$/),
      ]),
    );
  });

  it("refuses a request without a token with API Gateway's 401", async () => {
    const response = await placeOrder({});

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it("accepts a signed-in customer's access token and records the order the published event carries", async () => {
    const accessToken = await signIn();

    const response = await placeOrder({ authorization: `Bearer ${accessToken}` });

    const { orderId } = (await response.json()) as { orderId: string };
    const key = { pk: { S: `ORDER#${orderId}` } };
    const read = () => dynamodb.send(new GetItemCommand({ TableName: e2e.output('TableName'), Key: key }));
    const { Item } = await eventually(read, (result) => result.Item !== undefined);
    expect(response.status).toBe(200);
    expect(Item).toEqual({ ...key, customerId: { S: subjectOf(accessToken) }, sku: { S: 'TEE-M' }, quantity: { N: '2' }, source: { S: 'shop.orders' } });
  });
});

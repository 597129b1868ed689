import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthRestCheckoutApp } from '../../test-stacks/e2e/rest-checkout-app';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let sfn: SFNClient;
let idToken: string;

const STOREFRONT = 'http://localhost:3000';
const EMAIL = 'rest@example.com';
const PASSWORD = 'Correct-horse-9';
const ORDER = { items: [{ sku: 'TEE-M', quantity: 2 }] };

beforeAll(async () => {
  e2e = await startE2eCloud(synthRestCheckoutApp, 'RestCheckout');
  sfn = new SFNClient({});
  idToken = await signIn();
});

afterAll(async () => {
  sfn?.destroy();
  await e2e?.stop();
});

/** Signs up, confirms with the emailed code and signs in, as the storefront would; the ID token, as the method has no scopes. */
async function signIn(): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({});
  const ClientId = e2e.output('UserPoolClientId');
  await cognito.send(
    new SignUpCommand({
      ClientId,
      Username: EMAIL,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
    }),
  );
  const outbox = await fetch(`${e2e.cloud.url}/_local/cognito/messages?username=${encodeURIComponent(EMAIL)}`);
  const { messages } = (await outbox.json()) as { messages: Array<{ code?: string }> };
  await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: EMAIL, ConfirmationCode: messages.at(-1)?.code }));
  const auth = await cognito.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: EMAIL, PASSWORD },
    }),
  );
  cognito.destroy();
  return auth.AuthenticationResult?.IdToken ?? '';
}

const subjectOf = (jwt: string): string =>
  (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${e2e.output('ApiUrl')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: STOREFRONT, ...headers },
    body: JSON.stringify(body),
  });
}

const checkout = (body: unknown, key?: string, token: string | undefined = idToken) =>
  post('checkout', body, { ...(key && { 'Idempotency-Key': key }), ...(token && { authorization: token }) });

async function executionsOf(output: string) {
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: e2e.output(output) }));
  return executions;
}

describe('a REST API checkout starting a Step Functions execution directly', () => {
  it('serves the stage URL the template outputs and emulates every resource of the stack', () => {
    const report = e2e.cloud.report;

    expect(e2e.output('ApiUrl')).toMatch(new RegExp(`^${e2e.cloud.url}/_aws/execute-api/[a-z0-9]{10}/prod/$`));
    expect(report.filter((line) => line.startsWith('unsupported'))).toEqual([]);
    expect(report).toEqual(
      expect.arrayContaining([expect.stringMatching(/^emulated\s+AWS::ApiGateway::Method x\d+: by apigateway$/)]),
    );
  });

  it('answers 202 with the workflow result its response template maps, for an execution named after the Idempotency-Key', async () => {
    const response = await checkout(ORDER, 'checkout-1');

    const body = (await response.json()) as { orderId: string; status: string; requestId: string };
    const [execution] = (await executionsOf('CheckoutStateMachineArn')).filter((e) => e.name === 'checkout-1');
    const { input } = await sfn.send(new DescribeExecutionCommand({ executionArn: execution?.executionArn }));
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(body).toEqual({
      orderId: 'checkout-1',
      status: 'ACCEPTED',
      requestId: response.headers.get('x-amzn-requestid'),
    });
    expect(JSON.parse(input ?? '{}')).toEqual({
      order: ORDER,
      orderId: 'checkout-1',
      customerId: subjectOf(idToken),
      requestId: body.requestId,
    });
  });

  it("answers API Gateway's 400 for a missing Idempotency-Key and starts nothing", async () => {
    const before = await executionsOf('CheckoutStateMachineArn');

    const response = await checkout(ORDER);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Missing required request parameters: [Idempotency-Key]' });
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(await executionsOf('CheckoutStateMachineArn')).toHaveLength(before.length);
  });

  it("answers the API's BAD_REQUEST_BODY response for a body its model refuses, and starts nothing", async () => {
    const before = await executionsOf('CheckoutStateMachineArn');

    const response = await checkout({ items: [{ sku: 'TEE-M', quantity: 0 }] }, 'checkout-invalid');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'InvalidRequest',
      message: 'Invalid request body',
      details: '[numeric instance is lower than the required minimum (minimum: 1, found: 0) at /items/0/quantity]',
    });
    expect(await executionsOf('CheckoutStateMachineArn')).toHaveLength(before.length);
  });

  it('maps an execution that failed with OutOfStock to 409 through $context.responseOverride.status', async () => {
    const response = await checkout({ items: [{ sku: 'SOLD-OUT', quantity: 1 }] }, 'checkout-sold-out');

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: 'OutOfStock', message: 'SOLD-OUT is out of stock' });
  });

  it('refuses a request without a token with 401, before validation', async () => {
    const response = await checkout({}, undefined, '');

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
  });

  it('starts one Standard execution for an Idempotency-Key sent twice, and answers the repeat with 409', async () => {
    const first = await post('fulfilments', ORDER, { 'Idempotency-Key': 'fulfil-1' });
    const second = await post('fulfilments', ORDER, { 'Idempotency-Key': 'fulfil-1' });

    const executions = (await executionsOf('FulfilmentStateMachineArn')).filter((e) => e.name === 'fulfil-1');
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ executionArn: executions[0]?.executionArn });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      error: 'DuplicateRequest',
      message: 'This Idempotency-Key was used already',
    });
    expect(executions).toHaveLength(1);
  });
});

describe('other REST API integrations', () => {
  it('reads DynamoDB with GetItem, and answers 404 when its template finds no item', async () => {
    const dynamodb = new DynamoDBClient({});
    const item = { pk: { S: 'PRODUCT#TEE-M' }, name: { S: 'T-shirt' }, price: { N: '1900' } };
    await dynamodb.send(new PutItemCommand({ TableName: e2e.output('ProductsTableName'), Item: item }));
    dynamodb.destroy();

    const found = await fetch(`${e2e.output('ApiUrl')}products/TEE-M`);
    const missing = await fetch(`${e2e.output('ApiUrl')}products/NOPE`);

    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ sku: 'TEE-M', name: 'T-shirt', price: 1900 });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'No product NOPE' });
  });

  it("invokes a Lambda proxy method with the path parameter and the caller's claims", async () => {
    const response = await fetch(`${e2e.output('ApiUrl')}orders/o-42`, {
      headers: { authorization: `Bearer ${idToken}` },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      orderId: 'o-42',
      customerId: subjectOf(idToken),
      resource: '/orders/{orderId}',
      path: '/orders/o-42',
      stage: 'prod',
    });
  });

  it('answers a CORS preflight from the MOCK OPTIONS method', async () => {
    const response = await fetch(`${e2e.output('ApiUrl')}checkout`, {
      method: 'OPTIONS',
      headers: { origin: STOREFRONT, 'access-control-request-method': 'POST' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization,Idempotency-Key');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
  });

  it('answers 403 Missing Authentication Token for a path no resource has', async () => {
    const response = await fetch(`${e2e.output('ApiUrl')}nowhere`);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Json, JsonObject, LambdaInvoker, ResolvedResource } from '../core/contracts';
import { silentLogger } from '../core/logger';
import { LambdaFunctionError, LambdaNotFoundError } from '../lambda/errors';
import { makeCognitoEndpoint } from './api/endpoint';
import { CognitoEngine } from './engine/cognito-engine';
import { loadUserPools } from './model/load';

export const TEST_REGION = 'us-east-1';
export const POOL_ID = 'us-east-1_TestPool1';
export const CLIENT_ID = 'testclient0000000000000001';
export const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:Shop-UserTrigger-ABC123';

/** Functions by ARN, each called with the event and returning the event back, as Lambda would. @internal */
export class FakeLambda implements LambdaInvoker {
  readonly calls: Array<{ functionArn: string; payload: Json }> = [];

  constructor(private readonly functions: Record<string, (event: JsonObject) => Promise<Json> | Json> = {}) {}

  async invoke(functionArn: string, payload: Json): Promise<Json> {
    this.calls.push({ functionArn, payload });
    const fn = this.functions[functionArn];
    if (!fn) throw new LambdaNotFoundError(functionArn);
    try {
      return await fn(payload as JsonObject);
    } catch (err) {
      throw new LambdaFunctionError(functionArn, { errorType: 'Error', errorMessage: (err as Error).message }, 'test-request');
    }
  }

  async invokeAsync(functionArn: string, payload: Json): Promise<void> {
    await this.invoke(functionArn, payload);
  }
}

/** A resolved `AWS::Cognito::UserPool` shaped like CDK's output (email as username, self sign-up). @internal */
export function aUserPool(properties: JsonObject = {}, id = POOL_ID): ResolvedResource {
  return resource('AWS::Cognito::UserPool', 'UserPool', id, {
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    AutoVerifiedAttributes: ['email'],
    Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
    Schema: [{ Mutable: true, Name: 'email', Required: true }, { AttributeDataType: 'String', Mutable: true, Name: 'tier' }],
    UsernameAttributes: ['email'],
    ...properties,
  });
}

/** A resolved `AWS::Cognito::UserPoolClient` allowing the password flows. @internal */
export function aClient(properties: JsonObject = {}, id = CLIENT_ID): ResolvedResource {
  return resource('AWS::Cognito::UserPoolClient', 'WebClient', id, {
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AccessTokenValidity: 60,
    TokenValidityUnits: { AccessToken: 'minutes' },
    UserPoolId: POOL_ID,
    ...properties,
  });
}

/** A resolved `AWS::Cognito::UserPoolGroup`. @internal */
export function aGroup(groupName: string, precedence?: number): ResolvedResource {
  return resource('AWS::Cognito::UserPoolGroup', `${groupName}Group`, groupName, { GroupName: groupName, UserPoolId: POOL_ID, ...(precedence !== undefined && { Precedence: precedence }) });
}

function resource(type: string, logicalId: string, ref: string, properties: JsonObject): ResolvedResource {
  return { stackName: 'Shop-Users', logicalId, type, ref, physicalName: ref, attributes: {}, properties };
}

export interface LocalCognito {
  readonly engine: CognitoEngine;
  readonly endpoint: string;
  readonly client: CognitoIdentityProviderClient;
  close(): Promise<void>;
}

/**
 * The Cognito endpoint behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with the real SDK client
 * pointed at it: what the gateway in src/core does, minus routing. For tests only.
 * @internal
 */
export async function startLocalCognito(options: { resources?: ResolvedResource[]; lambda?: LambdaInvoker } = {}): Promise<LocalCognito> {
  // The issuer is the server's URL, known once it listens: the engine is made after, then plugged in.
  const route: { handle?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> } = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void route.handle?.(req, res, Buffer.concat(chunks)));
  });
  const endpoint = await listen(server);
  const engine = new CognitoEngine({ issuerBase: endpoint, region: TEST_REGION, logger: silentLogger, lambda: () => options.lambda ?? new FakeLambda() });
  loadUserPools(engine, options.resources ?? [aUserPool(), aClient(), aGroup('admins', 1), aGroup('buyers', 5)]);
  const cognito = makeCognitoEndpoint(engine, silentLogger);
  route.handle = (req, res, body) => cognito.handle(req, res, body);
  const client = new CognitoIdentityProviderClient({ endpoint, region: TEST_REGION, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
  return {
    engine,
    endpoint,
    client,
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The latest code sent to a user or an address (what a person would read in the email). @internal */
export function latestCode(engine: CognitoEngine, recipient: string): string {
  const code = engine.outbox.list({ username: recipient }).findLast((message) => message.code)?.code;
  if (!code) throw new Error(`No confirmation code was sent to ${recipient}`);
  return code;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

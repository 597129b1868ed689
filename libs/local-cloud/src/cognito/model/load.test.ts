import { describe, expect, it } from 'vitest';
import type { JsonObject, ResolvedResource } from '../../core/contracts';
import { silentLogger } from '../../core/logger';
import { CognitoEngine } from '../engine/cognito-engine';
import { InvalidUserPoolResourceError } from '../errors';
import { aClient, aGroup, aUserPool, CLIENT_ID, FakeLambda, POOL_ID } from '../test-support';
import { appClientConfigOf } from './client-config';
import { loadUserPools } from './load';
import { userPoolConfigOf } from './pool-config';

const anEngine = () => new CognitoEngine({ issuerBase: 'http://127.0.0.1:4566', region: 'us-east-1', logger: silentLogger, lambda: () => new FakeLambda() });

function resource(type: string, logicalId: string, properties: JsonObject): ResolvedResource {
  return { stackName: 'Shop-Users', logicalId, type, ref: logicalId, physicalName: logicalId, attributes: {}, properties };
}

describe('userPoolConfigOf', () => {
  it('reads the settings CDK synthesizes, defaulting the password rules a partial policy omits', () => {
    const config = userPoolConfigOf(aUserPool({ LambdaConfig: { PostConfirmation: 'arn:fn:post', PreTokenGeneration: 'arn:fn:token' } }));

    expect(config).toMatchObject({
      id: POOL_ID,
      passwordPolicy: { minimumLength: 10, requireSymbols: false, requireUppercase: true, requireLowercase: true, requireNumbers: true, temporaryPasswordValidityDays: 7 },
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      caseSensitive: true,
      allowAdminCreateUserOnly: false,
      schema: [{ name: 'email', required: true, custom: false }, { name: 'custom:tier', required: false, custom: true }],
      triggers: { postConfirmation: 'arn:fn:post', preTokenGeneration: { arn: 'arn:fn:token', version: '1' } },
    });
  });

  it('prefers PreTokenGenerationConfig and its version', () => {
    const config = userPoolConfigOf(aUserPool({ LambdaConfig: { PreTokenGeneration: 'arn:fn:old', PreTokenGenerationConfig: { LambdaArn: 'arn:fn:new', LambdaVersion: 'V2_0' } } }));

    expect(config.triggers.preTokenGeneration).toEqual({ arn: 'arn:fn:new', version: '2' });
  });
});

describe('appClientConfigOf', () => {
  it('maps legacy flow names and token validity units to seconds', () => {
    const client = appClientConfigOf(aClient({ ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'], IdTokenValidity: 2, RefreshTokenValidity: 7 }));

    expect([...client.authFlows]).toEqual(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
    expect([client.accessTokenValiditySeconds, client.idTokenValiditySeconds, client.refreshTokenValiditySeconds]).toEqual([3600, 7200, 604_800]);
  });

  it('gives a client that generates a secret the same secret every start', () => {
    const first = appClientConfigOf(aClient({ GenerateSecret: true }));
    const second = appClientConfigOf(aClient({ GenerateSecret: true }));

    expect(first.clientSecret).toMatch(/^[\w-]{51}$/);
    expect(second.clientSecret).toBe(first.clientSecret);
  });
});

describe('loadUserPools', () => {
  it('loads clients, groups, template users and memberships whatever the resource order', () => {
    const engine = anEngine();
    const user = resource('AWS::Cognito::UserPoolUser', 'Ops', { UserPoolId: POOL_ID, Username: 'ops@example.com', UserAttributes: [{ Name: 'email', Value: 'ops@example.com' }] });
    const membership = resource('AWS::Cognito::UserPoolUserToGroupAttachment', 'OpsAdmin', { UserPoolId: POOL_ID, Username: 'ops@example.com', GroupName: 'admins' });

    loadUserPools(engine, [membership, user, aGroup('admins', 1), aClient(), aUserPool()]);

    const pool = engine.pool(POOL_ID);
    const ops = pool.users.get('ops@example.com');
    expect(engine.poolOfClient(CLIENT_ID).pool).toBe(pool);
    expect(ops.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(pool.groupsOf(ops).map((group) => group.groupName)).toEqual(['admins']);
    expect(engine.outbox.list({ username: ops.username })).toEqual([expect.objectContaining({ kind: 'TEMPORARY_PASSWORD', destination: 'ops@example.com' })]);
  });

  it('names the resource whose user pool is not in the template', () => {
    const engine = anEngine();

    expect(() => loadUserPools(engine, [aClient({ UserPoolId: 'us-east-1_Elsewhere' })])).toThrow(InvalidUserPoolResourceError);
    expect(() => loadUserPools(engine, [aClient({ UserPoolId: 'us-east-1_Elsewhere' })])).toThrow(/Shop-Users\/WebClient.*User pool us-east-1_Elsewhere does not exist/);
  });
});

import { describe, expect, it } from 'vitest';
import { clientSecretFor } from '../cognito/model/client-config';
import type { Json } from '../core/contracts';
import { generatedName } from './names';
import type { NamingInput } from './naming-rule';
import { identityOf, namePropertyOf } from './resource-types';

/** A resource of `type` in stack Shop-Auth, with resolved `properties`, the `ordinal`-th of its parent. */
function naming(type: string, logicalId: string, properties: Record<string, Json> = {}, ordinal = 1): NamingInput {
  return {
    stackName: 'Shop-Auth',
    logicalId,
    region: 'eu-west-2',
    accountId: '123456789012',
    endpointUrl: 'http://127.0.0.1:4566',
    prop: (name) => properties[name],
    name(options = {}) {
      const explicit = properties[namePropertyOf(type) ?? ''];
      return typeof explicit === 'string'
        ? explicit
        : generatedName('Shop-Auth', logicalId, { maxLength: 64, ...options });
    },
    ordinal: () => ordinal,
  };
}

const resolve = (type: string, logicalId: string, properties?: Record<string, Json>, ordinal?: number) =>
  identityOf(type, naming(type, logicalId, properties, ordinal));

describe('Cognito naming', () => {
  it('answers GetAtt ClientSecret with the secret the local Cognito checks for that client', () => {
    const client = resolve('AWS::Cognito::UserPoolClient', 'WebClient', { GenerateSecret: true, ClientName: 'web' });

    expect(client.ref).toMatch(/^[a-z0-9]{26}$/);
    expect(client.attributes).toEqual({ ClientId: client.ref, Name: 'web', ClientSecret: clientSecretFor(client.ref) });
  });

  it('has no ClientSecret for a client that generates none', () => {
    const client = resolve('AWS::Cognito::UserPoolClient', 'WebClient');

    expect(client.attributes.ClientSecret).toBeUndefined();
  });

  it("returns a group's name as its Ref", () => {
    const group = resolve('AWS::Cognito::UserPoolGroup', 'AdminsGroup', {
      GroupName: 'admins',
      UserPoolId: 'eu-west-2_AbC123xyz',
    });

    expect(group.ref).toBe('admins');
  });

  it('names a user pool <region>_<id> with its issuer as ProviderURL', () => {
    const pool = resolve('AWS::Cognito::UserPool', 'Users');

    expect(pool.ref).toMatch(/^eu-west-2_[A-Za-z0-9]{9}$/);
    expect(pool.attributes.ProviderURL).toBe(`https://cognito-idp.eu-west-2.amazonaws.com/${pool.ref}`);
  });
});

describe('AppConfig naming', () => {
  it.each([
    ['AWS::AppConfig::Application', 'ApplicationId'],
    ['AWS::AppConfig::Environment', 'EnvironmentId'],
    ['AWS::AppConfig::ConfigurationProfile', 'ConfigurationProfileId'],
    ['AWS::AppConfig::DeploymentStrategy', 'Id'],
  ])('gives %s a 7-character id as Ref and as %s', (type, attribute) => {
    const resource = resolve(type, 'Flags');

    expect(resource.ref).toMatch(/^[a-z0-9]{7}$/);
    expect(resource.attributes[attribute]).toBe(resource.ref);
  });

  it('numbers hosted configuration versions per profile', () => {
    const second = resolve(
      'AWS::AppConfig::HostedConfigurationVersion',
      'FlagsV2',
      { ConfigurationProfileId: 'p1a2b3c' },
      2,
    );

    expect(second.ref).toBe('2');
    expect(second.attributes.VersionNumber).toBe('2');
  });

  it('returns application|environment|number as a deployment Ref', () => {
    const deployment = resolve('AWS::AppConfig::Deployment', 'DeployDev', {
      ApplicationId: 'a1b2c3d',
      EnvironmentId: 'e1f2g3h',
    });

    expect(deployment.ref).toBe('a1b2c3d|e1f2g3h|1');
    expect(deployment.attributes.DeploymentNumber).toBe('1');
  });
});

describe('EventBridge connection naming', () => {
  it('gives a connection the SecretArn of the secret EventBridge keeps its authorization in', () => {
    const connection = resolve('AWS::Events::Connection', 'PaymentsConnection', { Name: 'payments' });

    const uuid = connection.arn?.split('/').pop();
    expect(connection.attributes.SecretArn).toMatch(
      new RegExp(
        `^arn:aws:secretsmanager:eu-west-2:123456789012:secret:events!connection/payments/${uuid}-[A-Za-z0-9]{6}$`,
      ),
    );
  });
});

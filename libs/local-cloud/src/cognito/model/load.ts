import type { ResolvedResource } from '../../core/contracts';
import type { CognitoEngine } from '../engine/cognito-engine';
import { temporaryPasswordFor } from '../engine/password-policy';
import { hashPassword } from '../engine/users';
import { InvalidUserPoolResourceError } from '../errors';
import { appClientConfigOf } from './client-config';
import { numberProp, stringProp, userPoolConfigOf } from './pool-config';

/** The CloudFormation types the Cognito service emulates. */
export const COGNITO_RESOURCE_TYPES = [
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolGroup',
  'AWS::Cognito::UserPoolUser',
  'AWS::Cognito::UserPoolUserToGroupAttachment',
] as const;

/**
 * Loads the template's pools, then their clients, groups, users and group memberships, in that order
 * whatever the order of the resources.
 *
 * @example
 * loadUserPools(engine, ctx.resources);
 */
export function loadUserPools(engine: CognitoEngine, resources: readonly ResolvedResource[]): void {
  const ofType = (type: string) => resources.filter((resource) => resource.type === type);
  for (const resource of ofType('AWS::Cognito::UserPool')) engine.addPool(userPoolConfigOf(resource));
  for (const resource of ofType('AWS::Cognito::UserPoolClient')) {
    const client = appClientConfigOf(resource);
    withPool(resource, () => engine.addClient(client));
  }
  for (const resource of ofType('AWS::Cognito::UserPoolGroup')) loadGroup(engine, resource);
  for (const resource of ofType('AWS::Cognito::UserPoolUser')) loadUser(engine, resource);
  for (const resource of ofType('AWS::Cognito::UserPoolUserToGroupAttachment')) {
    const p = resource.properties;
    withPool(resource, () => {
      const pool = engine.pool(stringProp(p, 'UserPoolId') ?? '');
      pool.users.get(stringProp(p, 'Username') ?? '').groups.add(pool.group(stringProp(p, 'GroupName') ?? '').groupName);
    });
  }
}

function loadGroup(engine: CognitoEngine, resource: ResolvedResource): void {
  const p = resource.properties;
  withPool(resource, () =>
    engine.pool(stringProp(p, 'UserPoolId') ?? '').addGroup({
      groupName: stringProp(p, 'GroupName') ?? resource.ref,
      description: stringProp(p, 'Description'),
      precedence: numberProp(p, 'Precedence'),
      roleArn: stringProp(p, 'RoleArn'),
    }),
  );
}

/** A user declared in the template starts as AdminCreateUser leaves one: FORCE_CHANGE_PASSWORD. */
function loadUser(engine: CognitoEngine, resource: ResolvedResource): void {
  const p = resource.properties;
  withPool(resource, () => {
    const pool = engine.pool(stringProp(p, 'UserPoolId') ?? '');
    const listed = Array.isArray(p.UserAttributes) ? p.UserAttributes : [];
    const attributes = new Map(listed.flatMap((a) => (a && typeof a === 'object' && !Array.isArray(a) && typeof a.Name === 'string' ? [[a.Name, String(a.Value ?? '')] as const] : [])));
    const user = pool.users.create({ requested: stringProp(p, 'Username') ?? resource.ref, attributes, status: 'FORCE_CHANGE_PASSWORD' });
    const temporaryPassword = temporaryPasswordFor(pool.config.passwordPolicy);
    user.passwordHash = hashPassword(temporaryPassword);
    const email = user.attributes.get('email');
    if (stringProp(p, 'MessageAction') !== 'SUPPRESS' && email) {
      engine.outbox.deliver({ userPoolId: pool.id, username: user.username, kind: 'TEMPORARY_PASSWORD', deliveryMedium: 'EMAIL', destination: email, temporaryPassword });
    }
  });
}

function withPool(resource: ResolvedResource, load: () => void): void {
  try {
    load();
  } catch (err) {
    throw new InvalidUserPoolResourceError(`${resource.stackName}/${resource.logicalId} (${resource.type}): ${(err as Error).message}`, { cause: err });
  }
}

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, ensureDemoUsers } from './demo-users';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'us-east-1_pool';

describe('ensureDemoUsers', () => {
  beforeEach(() => cognito.reset());

  it('creates each user silently with a verified email and a permanent password, and puts the admin in its group', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });

    await ensureDemoUsers(client, POOL);

    expect(cognito.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input)).toEqual(
      DEMO_USERS.map((user) => ({
        UserPoolId: POOL,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      })),
    );
    expect(cognito.commandCalls(AdminSetUserPasswordCommand).map((call) => call.args[0].input)).toEqual(
      DEMO_USERS.map((user) => ({ UserPoolId: POOL, Username: user.email, Password: user.password, Permanent: true })),
    );
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: 'admin@shop.example', GroupName: 'admin' },
    ]);
  });

  it('sets the password and group again for users that already exist', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }));
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });

    await ensureDemoUsers(client, POOL);

    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(DEMO_USERS.length);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(1);
  });

  it('fails on any other refusal', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new Error('ResourceNotFoundException: no such pool'));
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });

    await expect(ensureDemoUsers(client, POOL)).rejects.toThrow('no such pool');
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(0);
  });

  it('documents passwords that meet the pool policy', () => {
    for (const { password } of DEMO_USERS) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^a-zA-Z0-9]/);
    }
  });
});

import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CognitoUserDirectory } from './cognito-user-directory';

const cognito = mockClient(CognitoIdentityProviderClient);
const directory = new CognitoUserDirectory({
  client: new CognitoIdentityProviderClient({ region: 'eu-west-2' }),
  userPoolId: 'eu-west-2_Pool1',
});

afterEach(() => cognito.reset());

describe('CognitoUserDirectory', () => {
  it('deletes the user of the pool whose username is the user id', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});

    await directory.deleteUser('sub-1');

    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-2_Pool1',
      Username: 'sub-1',
    });
  });

  it('takes a user already gone as deleted', async () => {
    cognito
      .on(AdminDeleteUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));

    await expect(directory.deleteUser('sub-1')).resolves.toBeUndefined();
  });

  it('lets any other failure through', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(new InternalErrorException({ message: 'boom', $metadata: {} }));

    await expect(directory.deleteUser('sub-1')).rejects.toThrow(InternalErrorException);
  });
});

import type { CognitoEngine } from '../engine/cognito-engine';
import * as admin from '../engine/admin-users';
import * as groups from '../engine/groups';
import * as self from '../engine/self-service';
import * as signIn from '../engine/sign-in';
import * as signUp from '../engine/sign-up';
import { describeUserPool, describeUserPoolClient, listUserPoolClients } from './describe';

// Each operation takes the request as the API model shapes it; `required` is checked before it runs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request is checked field by field at run time
type Run = (engine: CognitoEngine, request: any) => unknown;
interface Operation {
  readonly required: readonly string[];
  readonly run: Run;
}

const op = (run: Run, ...required: string[]): Operation => ({ run, required });

/** The cognito-idp operations the local cloud serves, by `X-Amz-Target` operation name. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  SignUp: op(signUp.signUp, 'ClientId', 'Username', 'Password'),
  ConfirmSignUp: op(signUp.confirmSignUp, 'ClientId', 'Username', 'ConfirmationCode'),
  ResendConfirmationCode: op(signUp.resendConfirmationCode, 'ClientId', 'Username'),
  AdminConfirmSignUp: op(signUp.adminConfirmSignUp, 'UserPoolId', 'Username'),
  ForgotPassword: op(signUp.forgotPassword, 'ClientId', 'Username'),
  ConfirmForgotPassword: op(signUp.confirmForgotPassword, 'ClientId', 'Username', 'ConfirmationCode', 'Password'),
  InitiateAuth: op(signIn.initiateAuth, 'AuthFlow', 'ClientId'),
  AdminInitiateAuth: op(signIn.adminInitiateAuth, 'UserPoolId', 'ClientId', 'AuthFlow'),
  RespondToAuthChallenge: op(signIn.respondToAuthChallenge, 'ClientId', 'ChallengeName'),
  AdminRespondToAuthChallenge: op(signIn.adminRespondToAuthChallenge, 'UserPoolId', 'ClientId', 'ChallengeName'),
  GetUser: op(self.getUser, 'AccessToken'),
  GlobalSignOut: op(self.globalSignOut, 'AccessToken'),
  AdminUserGlobalSignOut: op(self.adminUserGlobalSignOut, 'UserPoolId', 'Username'),
  ChangePassword: op(self.changePassword, 'AccessToken', 'ProposedPassword'),
  DeleteUser: op(self.deleteUser, 'AccessToken'),
  RevokeToken: op(self.revokeToken, 'Token', 'ClientId'),
  AdminCreateUser: op(admin.adminCreateUser, 'UserPoolId', 'Username'),
  AdminSetUserPassword: op(admin.adminSetUserPassword, 'UserPoolId', 'Username', 'Password'),
  AdminGetUser: op(admin.adminGetUser, 'UserPoolId', 'Username'),
  AdminDeleteUser: op(admin.adminDeleteUser, 'UserPoolId', 'Username'),
  AdminDisableUser: op((engine, request) => admin.adminSetUserEnabled(engine, request, false), 'UserPoolId', 'Username'),
  AdminEnableUser: op((engine, request) => admin.adminSetUserEnabled(engine, request, true), 'UserPoolId', 'Username'),
  AdminUpdateUserAttributes: op(admin.adminUpdateUserAttributes, 'UserPoolId', 'Username', 'UserAttributes'),
  ListUsers: op(admin.listUsers, 'UserPoolId'),
  AdminAddUserToGroup: op(groups.adminAddUserToGroup, 'UserPoolId', 'Username', 'GroupName'),
  AdminRemoveUserFromGroup: op(groups.adminRemoveUserFromGroup, 'UserPoolId', 'Username', 'GroupName'),
  AdminListGroupsForUser: op(groups.adminListGroupsForUser, 'UserPoolId', 'Username'),
  ListUsersInGroup: op(groups.listUsersInGroup, 'UserPoolId', 'GroupName'),
  CreateGroup: op(groups.createGroup, 'UserPoolId', 'GroupName'),
  GetGroup: op(groups.getGroup, 'UserPoolId', 'GroupName'),
  ListGroups: op(groups.listGroups, 'UserPoolId'),
  DescribeUserPool: op(describeUserPool, 'UserPoolId'),
  DescribeUserPoolClient: op(describeUserPoolClient, 'UserPoolId', 'ClientId'),
  ListUserPoolClients: op(listUserPoolClients, 'UserPoolId'),
};

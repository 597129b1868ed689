import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';

/** A person to sign in as on a fresh local shop. */
export interface DemoUser {
  readonly email: string;
  /** Meets the pool's policy: 12+ characters, upper and lower case, a digit and a symbol. */
  readonly password: string;
  /** A member of the `admin` group: may edit products and restock. */
  readonly admin: boolean;
}

/** The Cognito group the admin routes and pages require (infra's `ADMIN_GROUP`). */
export const ADMIN_GROUP = 'admin';

/** The demo sign-ins `npm start` prints. Local only: the local cloud's data is gone when it stops. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'customer@shop.example', password: 'Customer-Demo-1!', admin: false },
  { email: 'admin@shop.example', password: 'Admin-Demo-123!', admin: true },
];

/**
 * Creates each user in the pool, confirmed with a verified email and a permanent password, and adds admins to the
 * `admin` group, as an operator would (no email sent). Idempotent: a user that exists gets its password and groups
 * set again, so the documented sign-ins always work.
 *
 * @example
 * await ensureDemoUsers(cognito, endpoints.userPoolId);
 */
export async function ensureDemoUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  users: readonly DemoUser[] = DEMO_USERS,
): Promise<readonly DemoUser[]> {
  for (const user of users) await ensureDemoUser(cognito, userPoolId, user);
  return users;
}

async function ensureDemoUser(cognito: CognitoIdentityProviderClient, UserPoolId: string, user: DemoUser): Promise<void> {
  const Username = user.email;
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof UsernameExistsException)) throw err;
  }
  // A permanent password confirms the user: no NEW_PASSWORD_REQUIRED challenge at the first sign-in.
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: user.password, Permanent: true }));
  if (user.admin) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: ADMIN_GROUP }));
}

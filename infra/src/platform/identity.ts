import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The Cognito group whose members may call the admin routes (create products, restock...). */
export const ADMIN_GROUP = 'admin';

export interface ShopIdentityProps {
  /** Keep the user pool when the stack is deleted, and refuse deletion of the pool itself. */
  readonly retain: boolean;
}

/**
 * Who the shop's customers and staff are: one Cognito user pool (sign-in by email), the `admin` group and
 * the storefront's app client. It lives in the stateful stack because users and their passwords must
 * survive every redeploy of the services.
 *
 * @example
 * const identity = new ShopIdentity(this, 'Identity', { retain: config.retainStatefulResources });
 * new HttpUserPoolAuthorizer('Jwt', identity.userPool, { userPoolClients: [identity.storefrontClient] });
 */
export class ShopIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly storefrontClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: ShopIdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    new cognito.CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMIN_GROUP,
      description: 'Shop staff: may change the catalog and stock through the /admin routes',
      precedence: 0,
    });

    // A public client (a browser app cannot keep a secret); refresh tokens are rotated by re-authentication.
    this.storefrontClient = this.userPool.addClient('StorefrontClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-COG2',
        reason:
          'Customers choose whether to add a TOTP second factor (MFA optional); requiring it would turn shoppers ' +
          'away. Staff in the admin group should enrol, which is an operational policy, not a pool setting.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-COG8',
        reason:
          'Threat protection needs the Plus feature plan, a per-user cost a reference starter should not impose. ' +
          'A production fork should enable it (featurePlan PLUS, threatProtectionMode FULL_FUNCTION).',
      },
    );
  }
}

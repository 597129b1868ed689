import { fileURLToPath } from 'node:url';
import { FunctionAlarms, grantPutEventsForSource, type LogLevel, ServiceFunction } from '@shop/cdk-constructs';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { grantProfileAccess } from './function-access';

/** The Cognito group whose members may call the admin routes (create products, restock...). */
export const ADMIN_GROUP = 'admin';
/** The source the users service publishes; its functions may put no other. */
export const USERS_EVENT_SOURCE = 'shop.users';

export interface UsersIdentityProps {
  /** Keep the user pool when the stack is deleted, and refuse deletion of the pool itself. */
  readonly retain: boolean;
  /** UsersData.table: where the post-confirmation trigger creates the profile. */
  readonly table: dynamodb.ITable;
  /** Where the trigger publishes User.UserCreated. */
  readonly bus: events.IEventBus;
  /** The stage, written to every event's `metadata.environment`. */
  readonly stageName: string;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where the trigger's alarms notify. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

/**
 * Who the shop's customers and staff are: one Cognito user pool (sign-in by email), the `admin` group, the
 * storefront's app client, and the post-confirmation trigger that creates each new user's profile and
 * publishes User.UserCreated. For the stateful stack: users and passwords must survive every redeploy, and
 * the pool must name its trigger, so the trigger lives beside it (see the service README).
 *
 * @example
 * const data = new UsersData(this, 'Users', { retain });
 * const identity = new UsersIdentity(this, 'Identity', { retain, table: data.table, bus, stageName });
 * new HttpUserPoolAuthorizer('Jwt', identity.userPool, { userPoolClients: [identity.storefrontClient] });
 */
export class UsersIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly storefrontClient: cognito.UserPoolClient;
  readonly postConfirmationFunction: ServiceFunction;
  /** The trigger's alarms (errors, throttles, duration). */
  readonly alarms: cloudwatch.IAlarm[];

  constructor(scope: Construct, id: string, props: UsersIdentityProps) {
    super(scope, id);
    this.postConfirmationFunction = this.postConfirmation(props);
    const alarms = new FunctionAlarms(this, 'PostConfirmationFunctionAlarms', {
      fn: this.postConfirmationFunction,
      alarmActions: props.alarmTopic ? [new SnsAction(props.alarmTopic)] : [],
    });
    this.alarms = alarms.alarms;
    this.userPool = makeUserPool(this, props.retain, this.postConfirmationFunction);
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
  }

  private postConfirmation(props: UsersIdentityProps): ServiceFunction {
    const fn = new ServiceFunction(this, 'PostConfirmationFunction', {
      entry: fileURLToPath(new URL('../src/handlers/cognito/post-confirmation.ts', import.meta.url)),
      serviceName: 'users',
      logLevel: props.logLevel,
      description: 'Cognito post-confirmation: creates the profile, publishes User.UserCreated',
      // Cognito waits at most 5 seconds for a trigger (and retries it): fail before it gives up.
      timeout: Duration.seconds(5),
      environment: {
        TABLE_NAME: props.table.tableName,
        EVENT_BUS_NAME: props.bus.eventBusName,
        STAGE_NAME: props.stageName,
      },
    });
    grantProfileAccess(props.table, fn, 'readWrite');
    grantPutEventsForSource(props.bus, fn, USERS_EVENT_SOURCE);
    return fn;
  }
}

function makeUserPool(scope: Construct, retain: boolean, postConfirmation: ServiceFunction): cognito.UserPool {
  const userPool = new cognito.UserPool(scope, 'UserPool', {
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
    lambdaTriggers: { postConfirmation },
    deletionProtection: retain,
    removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  Validations.of(userPool).acknowledge(
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
  return userPool;
}

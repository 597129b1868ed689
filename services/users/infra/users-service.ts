import { fileURLToPath } from 'node:url';
import {
  FunctionAlarms,
  grantPutEventsForSource,
  lambdaDeploymentConfig,
  LiveAlias,
  type LogLevel,
  type Rollout,
  ServiceFunction,
} from '@shop/cdk-constructs';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { grantProfileAccess } from './function-access';
import { USERS_EVENT_SOURCE } from './users-identity';
import { addUsersRoutes, type RouteHandler } from './users-routes';

export interface UsersServiceProps {
  /** UsersData.table, from the stateful stack. */
  readonly table: dynamodb.ITable;
  /** UsersIdentity.userPool, from the stateful stack: `DELETE /me` deletes the caller from it. */
  readonly userPool: cognito.IUserPool;
  readonly bus: events.IEventBus;
  /** The stage (dev, staging, prod): written to every event's `metadata.environment`. */
  readonly stageName: string;
  /** The API to add the /me routes to; defined in this stack or imported. */
  readonly httpApi: apigwv2.IHttpApi;
  /** The Cognito JWT authorizer every /me route sits behind. */
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  /** How new code reaches the routes: StageConfig's `rollout` (a canary, or all at once). */
  readonly rollout: Rollout;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

const handlerEntry = (path: string) => fileURLToPath(new URL(`../src/handlers/${path}`, import.meta.url));

/**
 * The users service, for the stateless stack: `GET`, `PUT` and `DELETE /me` (one function each, so each role
 * holds only what its route needs) and their alarms. Each route invokes its function's `live` alias, which
 * CodeDeploy shifts by the rollout; none has a smoke test, as even `GET /me` creates a missing profile. The
 * trigger lives with the pool, in `UsersIdentity` (the stateful stack), and invokes its function unqualified.
 *
 * @example
 * new UsersService(this, 'Users', { table, userPool, bus, stageName, httpApi, jwtAuthorizer, rollout: 'canary' });
 */
export class UsersService extends Construct {
  readonly functions: Record<RouteHandler, ServiceFunction>;
  readonly routes: apigwv2.HttpRoute[];
  /** Every alarm of the service, e.g. for a dashboard or canary rollbacks. */
  readonly alarms: cloudwatch.IAlarm[] = [];
  /** The `live` alias of each route's function, shifted by CodeDeploy. */
  readonly liveAliases: LiveAlias[];
  /** The service's one CodeDeploy application. */
  readonly deployments: codedeploy.LambdaApplication;
  /** CodeDeploy's one role for the service, which each alias adds its own scoped statements to. */
  readonly deploymentRole: iam.Role;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: UsersServiceProps,
  ) {
    super(scope, id);
    const getProfile = this.function('GetProfileFunction', 'http/get-profile.ts');
    const updateProfile = this.function('UpdateProfileFunction', 'http/update-profile.ts');
    const deleteProfile = this.function('DeleteProfileFunction', 'http/delete-profile.ts', {
      USER_POOL_ID: props.userPool.userPoolId,
    });
    grantProfileAccess(props.table, getProfile, 'readWrite');
    grantProfileAccess(props.table, updateProfile, 'readWrite');
    grantProfileAccess(props.table, deleteProfile, 'readDelete');
    props.userPool.grant(deleteProfile, 'cognito-idp:AdminDeleteUser');
    this.functions = { getProfile, updateProfile, deleteProfile };
    this.deployments = new codedeploy.LambdaApplication(this, 'Deployments');
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy shifts the live alias of each function of the service, watching its alarms',
    });
    const live = {
      getProfile: this.live(getProfile),
      updateProfile: this.live(updateProfile),
      deleteProfile: this.live(deleteProfile),
    };
    this.liveAliases = Object.values(live);
    this.routes = addUsersRoutes(this, {
      httpApi: props.httpApi,
      jwtAuthorizer: props.jwtAuthorizer,
      handlers: {
        getProfile: live.getProfile.alias,
        updateProfile: live.updateProfile.alias,
        deleteProfile: live.deleteProfile.alias,
      },
    });
  }

  private live(fn: ServiceFunction): LiveAlias {
    const { rollout, alarmTopic } = this.props;
    const live = new LiveAlias(this, `${fn.node.id}Live`, {
      fn,
      deploymentConfig: lambdaDeploymentConfig(rollout),
      application: this.deployments,
      deploymentRole: this.deploymentRole,
    });
    // A release rolling back is news: the rollback alarms notify where the function's own alarms do.
    if (alarmTopic) for (const alarm of [live.errors, live.duration]) alarm.addAlarmAction(new SnsAction(alarmTopic));
    return live;
  }

  private function(id: string, entry: string, environment: Record<string, string> = {}) {
    const { table, bus, stageName, logLevel, alarmTopic } = this.props;
    const fn = new ServiceFunction(this, id, {
      entry: handlerEntry(entry),
      serviceName: 'users',
      logLevel,
      environment: {
        TABLE_NAME: table.tableName,
        EVENT_BUS_NAME: bus.eventBusName,
        STAGE_NAME: stageName,
        ...environment,
      },
    });
    // Every route may publish: GET /me announces a profile it creates, or one a failed publish left behind.
    grantPutEventsForSource(bus, fn, USERS_EVENT_SOURCE);
    const alarms = new FunctionAlarms(this, `${id}Alarms`, {
      fn,
      alarmActions: alarmTopic ? [new SnsAction(alarmTopic)] : [],
    });
    this.alarms.push(...alarms.alarms);
    return fn;
  }
}

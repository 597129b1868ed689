import { fileURLToPath } from 'node:url';
import { FunctionAlarms, grantPutEventsForSource, type LogLevel, ServiceFunction } from '@shop/cdk-constructs';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
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
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

const handlerEntry = (path: string) => fileURLToPath(new URL(`../src/handlers/${path}`, import.meta.url));

/**
 * The users service, for the stateless stack: `GET`, `PUT` and `DELETE /me` (one function each, so each role
 * holds only what its route needs) and their alarms. The trigger lives with the pool, in `UsersIdentity`.
 *
 * @example
 * new UsersService(this, 'Users', { table, userPool, bus, stageName, httpApi, jwtAuthorizer: api.authorizer });
 */
export class UsersService extends Construct {
  readonly functions: Record<RouteHandler, ServiceFunction>;
  readonly routes: apigwv2.HttpRoute[];
  /** Every alarm of the service, e.g. for a dashboard or canary rollbacks. */
  readonly alarms: cloudwatch.IAlarm[] = [];

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
    this.routes = addUsersRoutes(this, {
      httpApi: props.httpApi,
      jwtAuthorizer: props.jwtAuthorizer,
      handlers: this.functions,
    });
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

import {
  FunctionAlarms,
  lambdaDeploymentConfig,
  LiveAlias,
  type LogLevel,
  type Rollout,
  ServiceFunction,
} from '@shop/cdk-constructs';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { makeApiKeySecret, makeAuthorizationsTable, makeIdempotencyTable, makeTokensTable } from './payments-data';
import { handlerEntry, TABLE_ACCESS, type PaymentsTable } from './payments-handlers';
import { addPaymentsRoutes, type PaymentsHandler, unsignedTokenRequest } from './payments-routes';

/** Longer than HTTP API's 30 s integration timeout, so the caller gives up first. */
export const DEFAULT_TIMEOUT_CARD_DELAY = Duration.seconds(35);
/** What the authorize function needs beyond the timeout card's wait: a cold start and a few DynamoDB calls. */
const AUTHORIZE_HEADROOM_MS = 10_000;

export interface PaymentsSandboxProps {
  /** Keep the tables and the secret when they leave the stack (prod); otherwise they are destroyed with it. */
  readonly retain: boolean;
  /** How long the timeout test card keeps the caller waiting. @default 35 seconds */
  readonly timeoutCardDelay?: Duration;
  /**
   * How new code reaches the routes: StageConfig's `rollout`. @default 'all-at-once' - until the stage passes
   * its own (a third party's sandbox deploys on its own schedule, so a stage may keep it all at once).
   */
  readonly rollout?: Rollout;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - none */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

const functionId = (handler: PaymentsHandler) => `${handler.charAt(0).toUpperCase()}${handler.slice(1)}Function`;

/**
 * The payment sandbox: a stand-in card processor with its own HTTP API (no authorizer: the functions check
 * the `x-api-key` against `apiKeySecret`), its tables (authorizations, the token vault, idempotency), one
 * function per route with only the access it needs, and their alarms. See the service README for the API
 * and the test cards.
 *
 * @example
 * const payments = new PaymentsSandbox(this, 'Payments', { retain: false });
 * new events.Connection(this, 'PaymentsConnection', {
 *   authorization: events.Authorization.apiKey('x-api-key', payments.apiKeySecret.secretValue),
 * });
 */
export class PaymentsSandbox extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly apiKeySecret: secretsmanager.ISecret;
  readonly authorizationsTable: dynamodb.ITableV2;
  /** The card tokens: brand, last four digits, expiry and test-card behaviour, never a card number. */
  readonly tokensTable: dynamodb.ITableV2;
  readonly idempotencyTable: dynamodb.ITableV2;
  readonly functions: Record<PaymentsHandler, ServiceFunction>;
  readonly routes: apigwv2.HttpRoute[];
  /** Every function's alarms (errors, throttles, duration), e.g. for a dashboard. */
  readonly alarms: cloudwatch.IAlarm[] = [];
  /** The `live` alias of every function, which its route invokes, each shifted by CodeDeploy. */
  readonly liveAliases: LiveAlias[] = [];
  /** The sandbox's one CodeDeploy application. */
  readonly deployments: codedeploy.LambdaApplication;
  /** CodeDeploy's one role for the service, which each alias adds its own scoped statements to. */
  readonly deploymentRole: iam.Role;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: PaymentsSandboxProps,
  ) {
    super(scope, id);
    this.authorizationsTable = makeAuthorizationsTable(this, props.retain);
    this.tokensTable = makeTokensTable(this, props.retain);
    this.idempotencyTable = makeIdempotencyTable(this, props.retain);
    this.apiKeySecret = makeApiKeySecret(this, props.retain);
    this.httpApi = makeHttpApi(this);
    this.deployments = new codedeploy.LambdaApplication(this, 'Deployments');
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy shifts the live alias of each function of the service, watching its alarms',
    });
    this.functions = {
      tokenize: this.function('tokenize'),
      getToken: this.function('getToken'),
      authorize: this.function('authorize', {
        timeout: Duration.millis(this.authorizeTimeoutMs),
        durationRatio: this.authorizeDurationRatio,
      }),
      capture: this.function('capture'),
      void: this.function('void'),
      refund: this.function('refund'),
      getAuthorization: this.function('getAuthorization'),
    };
    const live = (handler: PaymentsHandler, options: { durationRatio?: number; smokeEvent?: unknown } = {}) =>
      this.live(this.functions[handler], options);
    this.routes = addPaymentsRoutes(this, this.httpApi, {
      tokenize: live('tokenize'),
      // Without the API key: refused (401) before anything is read or written.
      getToken: live('getToken', { smokeEvent: unsignedTokenRequest() }),
      authorize: live('authorize', { durationRatio: this.authorizeDurationRatio }),
      capture: live('capture'),
      void: live('void'),
      refund: live('refund'),
      getAuthorization: live('getAuthorization'),
    });
  }

  /** The API's base URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com`; routes start with `/v1`. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  private get timeoutCardDelay(): Duration {
    return this.props.timeoutCardDelay ?? DEFAULT_TIMEOUT_CARD_DELAY;
  }

  private get authorizeTimeoutMs(): number {
    return this.timeoutCardDelay.toMilliseconds() + AUTHORIZE_HEADROOM_MS;
  }

  /**
   * The timeout card's deliberate wait must not read as a function about to time out: alarm (and roll back)
   * only when p99 goes past the wait by half the headroom.
   */
  private get authorizeDurationRatio(): number {
    return (this.timeoutCardDelay.toMilliseconds() + AUTHORIZE_HEADROOM_MS / 2) / this.authorizeTimeoutMs;
  }

  /** The function's `live` alias, for its route: CodeDeploy shifts it to each new version by the rollout. */
  private live(fn: ServiceFunction, options: { durationRatio?: number; smokeEvent?: unknown }) {
    const live = new LiveAlias(this, `${fn.node.id}Live`, {
      fn,
      deploymentConfig: lambdaDeploymentConfig(this.props.rollout ?? 'all-at-once'),
      application: this.deployments,
      deploymentRole: this.deploymentRole,
      ...options,
    });
    for (const alarm of [live.errors, live.duration]) alarm.addAlarmAction(...(this.props.alarmActions ?? []));
    this.liveAliases.push(live);
    return live.alias;
  }

  private grantTableAccess(fn: ServiceFunction, handler: PaymentsHandler): void {
    const tables: Record<PaymentsTable, dynamodb.ITableV2> = {
      authorizations: this.authorizationsTable,
      tokens: this.tokensTable,
      idempotency: this.idempotencyTable,
    };
    for (const [table, actions] of Object.entries(TABLE_ACCESS[handler])) {
      iam.Grant.addToPrincipal({ grantee: fn, actions, resourceArns: [tables[table as PaymentsTable].tableArn] });
    }
  }

  private function(
    handler: PaymentsHandler,
    limits: { timeout?: Duration; durationRatio?: number } = {},
  ): ServiceFunction {
    const fn = new ServiceFunction(this, functionId(handler), {
      entry: handlerEntry(handler),
      serviceName: 'payments',
      logLevel: this.props.logLevel,
      timeout: limits.timeout,
      environment: {
        AUTHORIZATIONS_TABLE_NAME: this.authorizationsTable.tableName,
        TOKENS_TABLE_NAME: this.tokensTable.tableName,
        IDEMPOTENCY_TABLE_NAME: this.idempotencyTable.tableName,
        API_KEY_SECRET_ARN: this.apiKeySecret.secretArn,
        TIMEOUT_CARD_DELAY_MS: String(this.timeoutCardDelay.toMilliseconds()),
      },
    });
    this.grantTableAccess(fn, handler);
    this.apiKeySecret.grantRead(fn);
    const alarms = new FunctionAlarms(this, `${functionId(handler)}Alarms`, {
      fn,
      durationRatio: limits.durationRatio,
      alarmActions: this.props.alarmActions,
    });
    this.alarms.push(...alarms.alarms);
    return fn;
  }
}

/** An HTTP API with one throttled `$default` stage and JSON access logs. */
function makeHttpApi(scope: Construct): apigwv2.HttpApi {
  const httpApi = new apigwv2.HttpApi(scope, 'HttpApi', {
    description: `Payment sandbox (${Stack.of(scope).stackName})`,
    createDefaultStage: false,
  });
  const accessLogs = new logs.LogGroup(scope, 'AccessLogs', {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  httpApi.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: { rateLimit: 50, burstLimit: 100 },
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(accessLogs),
      format: AccessLogFormat.custom(
        JSON.stringify({
          requestId: '$context.requestId',
          routeKey: '$context.routeKey',
          status: '$context.status',
          latencyMs: '$context.responseLatency',
          integrationError: '$context.integrationErrorMessage',
          sourceIp: '$context.identity.sourceIp',
          requestTime: '$context.requestTime',
        }),
      ),
    },
  });
  return httpApi;
}

import { FunctionAlarms, type LogLevel, ServiceFunction } from '@shop/cdk-constructs';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { makeApiKeySecret, makeAuthorizationsTable, makeIdempotencyTable, makeTokensTable } from './payments-data';
import { handlerEntry, TABLE_ACCESS, type PaymentsTable } from './payments-handlers';
import { addPaymentsRoutes, type PaymentsHandler } from './payments-routes';

/** Longer than HTTP API's 30 s integration timeout, so the caller gives up first. */
export const DEFAULT_TIMEOUT_CARD_DELAY = Duration.seconds(35);
/** What the authorize function needs beyond the timeout card's wait: a cold start and a few DynamoDB calls. */
const AUTHORIZE_HEADROOM_MS = 10_000;

export interface PaymentsSandboxProps {
  /** Keep the tables and the secret when they leave the stack (prod); otherwise they are destroyed with it. */
  readonly retain: boolean;
  /** How long the timeout test card keeps the caller waiting. @default 35 seconds */
  readonly timeoutCardDelay?: Duration;
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
    const delayMs = this.timeoutCardDelay.toMilliseconds();
    const authorizeTimeoutMs = delayMs + AUTHORIZE_HEADROOM_MS;
    this.functions = {
      tokenize: this.function('tokenize'),
      getToken: this.function('getToken'),
      authorize: this.function('authorize', {
        timeout: Duration.millis(authorizeTimeoutMs),
        // The timeout card's deliberate wait must not read as a function about to time out: alarm only when
        // p99 goes past the wait by half the headroom.
        durationRatio: (delayMs + AUTHORIZE_HEADROOM_MS / 2) / authorizeTimeoutMs,
      }),
      capture: this.function('capture'),
      void: this.function('void'),
      refund: this.function('refund'),
      getAuthorization: this.function('getAuthorization'),
    };
    this.routes = addPaymentsRoutes(this, this.httpApi, this.functions);
  }

  /** The API's base URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com`; routes start with `/v1`. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  private get timeoutCardDelay(): Duration {
    return this.props.timeoutCardDelay ?? DEFAULT_TIMEOUT_CARD_DELAY;
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

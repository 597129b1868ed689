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
import { type AnyEventDefinition, OrderCancelled, OrderConfirmed } from '@shop/events';
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { EventInbox } from './event-inbox';
import { addInvoicesRoutes, unsignedInvoiceRequest } from './invoices-routes';
import { grantPdfAccess, PDF_PREFIXES } from './pdf-access';
import { grantTableAccess } from './table-access';

/** The source the invoices service publishes; its functions may put no other. */
export const INVOICES_EVENT_SOURCE = 'shop.invoices';
/**
 * Numbers are gapless, so every consumer takes them from one counter item in turn: more concurrent functions
 * would only make each other retry. Five keeps a backlog moving while conflicts stay rare.
 */
export const INVOICE_CONSUMER_MAX_CONCURRENCY = 5;
/** A batch of ten renders ten PDFs and takes ten numbers in turn: well within this, even cold. */
export const CONSUMER_TIMEOUT = Duration.seconds(30);

export interface InvoicesServiceProps {
  /** The invoices table (InvoicesData.table). */
  readonly table: dynamodb.ITable;
  readonly idempotencyTable: dynamodb.ITable;
  /** The PDF bucket (InvoicesData.bucket). */
  readonly bucket: s3.IBucket;
  readonly bus: events.IEventBus;
  /** The stage (dev, staging, prod): the publisher writes it to every event's `metadata.environment`. */
  readonly stageName: string;
  /** The API to add the route to; defined in this stack or imported. */
  readonly httpApi: apigwv2.IHttpApi;
  /** The shop's Cognito JWT authorizer; the handler also requires the order's customer or the `admin` group. */
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  /** The seller's name printed on every invoice. @default 'Shop' */
  readonly shopName?: string;
  /** How new code reaches the route and the consumers: StageConfig's `rollout` (a canary, or all at once). */
  readonly rollout: Rollout;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

/** The service's functions, by role. */
export interface InvoicesFunctions {
  readonly orderConfirmed: ServiceFunction;
  readonly orderCancelled: ServiceFunction;
  readonly getInvoice: ServiceFunction;
}

const handlerEntry = (path: string) => fileURLToPath(new URL(`../src/handlers/${path}`, import.meta.url));

/**
 * The invoices service, for the stateless stack: the consumers of Order.OrderConfirmed (invoices) and
 * Order.OrderCancelled (credit notes), each behind its own inbox, the route that hands an invoice and its PDF
 * link to the order's customer, and the alarms of all of them. Every function gets only the grants it uses.
 */
export class InvoicesService extends Construct {
  readonly functions: InvoicesFunctions;
  readonly routes: apigwv2.HttpRoute[];
  readonly inboxes: { orderConfirmed: EventInbox; orderCancelled: EventInbox };
  /** Every alarm of the service (functions and dead-letter queues), e.g. for a dashboard or canary rollbacks. */
  readonly alarms: cloudwatch.IAlarm[] = [];
  /** The `live` alias of every function, which its route or queue invokes, each shifted by CodeDeploy. */
  readonly liveAliases: LiveAlias[] = [];
  /** The service's one CodeDeploy application. */
  readonly deployments: codedeploy.LambdaApplication;
  /** CodeDeploy's one role for the service, which each alias adds its own scoped statements to. */
  readonly deploymentRole: iam.Role;
  private readonly alarmActions: cloudwatch.IAlarmAction[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: InvoicesServiceProps,
  ) {
    super(scope, id);
    this.alarmActions = props.alarmTopic ? [new SnsAction(props.alarmTopic)] : [];
    this.deployments = new codedeploy.LambdaApplication(this, 'Deployments');
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy shifts the live alias of each function of the service, watching its alarms',
    });
    const confirmed = this.consumer('OrderConfirmed', OrderConfirmed, 'events/order-confirmed.ts', 'invoices');
    const cancelled = this.consumer('OrderCancelled', OrderCancelled, 'events/order-cancelled.ts', 'creditNotes');
    this.inboxes = { orderConfirmed: confirmed.inbox, orderCancelled: cancelled.inbox };
    const getInvoice = this.function('GetInvoiceFunction', 'http/get-invoice.ts', {
      TABLE_NAME: props.table.tableName,
      PDF_BUCKET_NAME: props.bucket.bucketName,
    });
    grantTableAccess(props.table, getInvoice, 'read');
    // The presigned URL is signed with this role's credentials: S3 checks GetObject against it when it is used.
    grantPdfAccess(props.bucket, getInvoice, 's3:GetObject', PDF_PREFIXES.invoices);
    this.routes = addInvoicesRoutes(this, {
      httpApi: props.httpApi,
      jwtAuthorizer: props.jwtAuthorizer,
      // A request nobody signed: the handler answers 404 before it reads anything.
      getInvoice: this.live(getInvoice, unsignedInvoiceRequest()),
    });
    this.functions = { orderConfirmed: confirmed.fn, orderCancelled: cancelled.fn, getInvoice };
  }

  private function(id: string, entry: string, environment: Record<string, string>, timeout?: Duration) {
    const fn = new ServiceFunction(this, id, {
      entry: handlerEntry(entry),
      serviceName: 'invoices',
      logLevel: this.props.logLevel,
      environment,
      timeout,
    });
    const alarms = new FunctionAlarms(this, `${id}Alarms`, { fn, alarmActions: this.alarmActions });
    this.alarms.push(...alarms.alarms);
    return fn;
  }

  /** The function's `live` alias, for its invoker: CodeDeploy shifts it to each new version by the rollout. */
  private live(fn: ServiceFunction, smokeEvent?: unknown): lambda.Alias {
    const live = new LiveAlias(this, `${fn.node.id}Live`, {
      fn,
      deploymentConfig: lambdaDeploymentConfig(this.props.rollout),
      application: this.deployments,
      deploymentRole: this.deploymentRole,
      smokeEvent,
    });
    // A release rolling back is news: the rollback alarms notify where the function's own alarms do.
    for (const alarm of [live.errors, live.duration]) alarm.addAlarmAction(...this.alarmActions);
    this.liveAliases.push(live);
    return live.alias;
  }

  private consumer(id: string, event: AnyEventDefinition, entry: string, writes: keyof typeof PDF_PREFIXES) {
    const { table, idempotencyTable, bus, bucket, stageName, shopName = 'Shop' } = this.props;
    const fn = this.function(
      `${id}Function`,
      entry,
      {
        TABLE_NAME: table.tableName,
        IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName,
        PDF_BUCKET_NAME: bucket.bucketName,
        EVENT_BUS_NAME: bus.eventBusName,
        STAGE_NAME: stageName,
        SHOP_NAME: shopName,
      },
      CONSUMER_TIMEOUT,
    );
    grantTableAccess(table, fn, 'readWrite');
    grantTableAccess(idempotencyTable, fn, 'readWrite');
    grantPdfAccess(bucket, fn, 's3:PutObject', PDF_PREFIXES[writes]);
    grantPutEventsForSource(bus, fn, INVOICES_EVENT_SOURCE);
    const inbox = new EventInbox(this, `${id}Inbox`, {
      bus,
      event,
      consumer: fn,
      consumerAlias: this.live(fn),
      maxConcurrency: INVOICE_CONSUMER_MAX_CONCURRENCY,
      alarmActions: this.alarmActions,
    });
    this.alarms.push(inbox.inbox.deadLetterAlarm, inbox.ruleDeadLetters.alarm);
    return { fn, inbox };
  }
}

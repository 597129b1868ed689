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
import { type AnyEventDefinition, OrderCancelled, OrderConfirmed, OrderPlaced } from '@shop/events';
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { SEED_IMAGES } from '../seed/images';
import { CatalogSeed } from './catalog-seed';
import { OrderEventInbox } from './order-event-inbox';
import { OutboxStream } from './outbox-stream';
import { PRODUCTS_TABLE_INDEXES } from './products-data';
import { addProductsRoutes, missingProductRequest } from './products-routes';
import { grantTableAccess } from './table-access';

/** The source the products service publishes; its publisher may put no other. */
export const PRODUCTS_EVENT_SOURCE = 'shop.products';
/** Reservations update the same hot stock items; a few pollers keep transaction conflicts (and retries) rare. */
export const ORDER_PLACED_MAX_CONCURRENCY = 5;
const PRODUCTS_INDEX_NAMES = Object.values(PRODUCTS_TABLE_INDEXES).map((index) => index.indexName);

export interface ProductsServiceProps {
  /**
   * The products table (ProductsData.table). It must carry its stream ARN (`tableStreamArn`): a table defined in
   * the app (from the stateful stack: CDK passes the ARN as a weak cross-stack reference) or one imported with
   * `TableV2.fromTableAttributes({ tableArn, tableStreamArn })`. Otherwise a TableStreamRequiredError is thrown.
   */
  readonly table: dynamodb.ITable;
  readonly idempotencyTable: dynamodb.ITable;
  readonly imagesBucket: s3.IBucket;
  readonly bus: events.IEventBus;
  /** The stage (dev, staging, prod): the publisher writes it to every event's `metadata.environment`. */
  readonly stageName: string;
  /** The API to add the routes to; defined in this stack or imported. */
  readonly httpApi: apigwv2.IHttpApi;
  /** Guards the /admin routes (a Cognito JWT authorizer); the handlers also require the `admin` group. */
  readonly adminAuthorizer: apigwv2.IHttpRouteAuthorizer;
  /** Load seed/catalog.json at deployment (and on every change to it) through a custom resource. */
  readonly seedCatalog: boolean;
  /** How new code reaches the routes and consumers: StageConfig's `rollout` (a canary, or all at once). */
  readonly rollout: Rollout;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

/** The service's functions, by role. */
export interface ProductsFunctions {
  readonly listProducts: ServiceFunction;
  readonly getProduct: ServiceFunction;
  readonly adminProducts: ServiceFunction;
  readonly orderPlaced: ServiceFunction;
  readonly orderCancelled: ServiceFunction;
  readonly orderConfirmed: ServiceFunction;
  readonly publishOutbox: ServiceFunction;
  /** Only when `seedCatalog`. */
  readonly seedCatalog?: ServiceFunction;
}

const handlerEntry = (path: string) => fileURLToPath(new URL(`../src/handlers/${path}`, import.meta.url));

/**
 * The products service, for the stateless stack: the HTTP routes of the catalog, the consumers of the order
 * events that reserve, release and commit stock, the outbox publisher, the optional catalog seed, and the
 * alarms of all of them. Every function gets only the grants its handler needs.
 */
export class ProductsService extends Construct {
  readonly functions: ProductsFunctions;
  readonly routes: apigwv2.HttpRoute[];
  readonly inboxes: { orderPlaced: OrderEventInbox; orderCancelled: OrderEventInbox; orderConfirmed: OrderEventInbox };
  readonly outbox: OutboxStream;
  readonly seed?: CatalogSeed;
  /**
   * The `live` alias of every function a route, a queue or the outbox stream invokes, each shifted by CodeDeploy
   * (one application for the service). The catalog seed is invoked by CloudFormation at deploy time: no alias.
   */
  readonly liveAliases: LiveAlias[] = [];
  readonly deployments: codedeploy.LambdaApplication;
  /** CodeDeploy's one role for the service, which each alias adds its own scoped statements to. */
  readonly deploymentRole: iam.Role;
  /** Every alarm of the service (functions and dead-letter queues), e.g. for a dashboard or canary rollbacks. */
  readonly alarms: cloudwatch.IAlarm[] = [];
  private readonly alarmActions: cloudwatch.IAlarmAction[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ProductsServiceProps,
  ) {
    super(scope, id);
    this.alarmActions = props.alarmTopic ? [new SnsAction(props.alarmTopic)] : [];
    this.deployments = new codedeploy.LambdaApplication(this, 'Deployments');
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy shifts the live alias of each function of the service, watching its alarms',
    });
    const http = this.httpFunctions();
    this.routes = addProductsRoutes(this, {
      httpApi: props.httpApi,
      adminAuthorizer: props.adminAuthorizer,
      handlers: {
        // A GET of a product that cannot exist: a 404 proves the new code runs and reaches its table.
        getProduct: this.live(http.getProduct, missingProductRequest()),
        listProducts: this.live(http.listProducts),
        adminProducts: this.live(http.adminProducts),
      },
    });
    const placed = this.consumer('OrderPlaced', OrderPlaced, 'events/order-placed.ts', ORDER_PLACED_MAX_CONCURRENCY);
    const cancelled = this.consumer('OrderCancelled', OrderCancelled, 'events/order-cancelled.ts');
    const confirmed = this.consumer('OrderConfirmed', OrderConfirmed, 'events/order-confirmed.ts');
    this.inboxes = { orderPlaced: placed.inbox, orderCancelled: cancelled.inbox, orderConfirmed: confirmed.inbox };
    const publishOutbox = this.function('PublishOutboxFunction', 'outbox/publish-outbox.ts', {
      EVENT_BUS_NAME: props.bus.eventBusName,
      STAGE_NAME: props.stageName,
    });
    grantPutEventsForSource(props.bus, publishOutbox, PRODUCTS_EVENT_SOURCE);
    this.outbox = new OutboxStream(this, 'OutboxStream', {
      table: props.table,
      publisher: publishOutbox,
      publisherAlias: this.live(publishOutbox),
      alarmActions: this.alarmActions,
    });
    this.alarms.push(this.outbox.failures.alarm);
    const seedCatalog = props.seedCatalog ? this.seedFunction() : undefined;
    // After the mapping: the ProductCreated events the seed writes to the outbox must find a publisher.
    this.seed =
      seedCatalog && new CatalogSeed(this, 'CatalogSeed', { seedFunction: seedCatalog, after: [this.outbox.mapping] });
    this.functions = {
      ...http,
      orderPlaced: placed.fn,
      orderCancelled: cancelled.fn,
      orderConfirmed: confirmed.fn,
      publishOutbox,
      seedCatalog,
    };
  }

  private httpFunctions() {
    const { table } = this.props;
    const environment = { TABLE_NAME: table.tableName };
    const listProducts = this.function('ListProductsFunction', 'http/list-products.ts', environment);
    const getProduct = this.function('GetProductFunction', 'http/get-product.ts', environment);
    const adminProducts = this.function('AdminProductsFunction', 'http/admin-products.ts', environment);
    grantTableAccess(table, listProducts, 'read', PRODUCTS_INDEX_NAMES);
    grantTableAccess(table, getProduct, 'read', PRODUCTS_INDEX_NAMES);
    grantTableAccess(table, adminProducts, 'readWrite', PRODUCTS_INDEX_NAMES);
    return { listProducts, getProduct, adminProducts };
  }

  private function(id: string, entry: string, environment: Record<string, string>, timeout?: Duration) {
    const fn = new ServiceFunction(this, id, {
      entry: handlerEntry(entry),
      serviceName: 'products',
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

  private consumer(id: string, event: AnyEventDefinition, entry: string, maxConcurrency?: number) {
    const { table, idempotencyTable, bus } = this.props;
    const fn = this.function(`${id}Function`, entry, {
      TABLE_NAME: table.tableName,
      IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName,
    });
    grantTableAccess(table, fn, 'readWrite', PRODUCTS_INDEX_NAMES);
    grantTableAccess(idempotencyTable, fn, 'readWrite');
    const inbox = new OrderEventInbox(this, `${id}Inbox`, {
      bus,
      event,
      consumer: fn,
      consumerAlias: this.live(fn),
      maxConcurrency,
      alarmActions: this.alarmActions,
    });
    this.alarms.push(inbox.inbox.deadLetterAlarm, inbox.ruleDeadLetters.alarm);
    return { fn, inbox };
  }

  private seedFunction() {
    const { table, imagesBucket } = this.props;
    // Writing the catalog and uploading its images takes longer than a request; CloudFormation waits for it.
    const fn = this.function(
      'SeedCatalogFunction',
      'seed/seed-catalog.ts',
      { TABLE_NAME: table.tableName, IMAGES_BUCKET_NAME: imagesBucket.bucketName },
      Duration.minutes(2),
    );
    // Reads too: it looks each product up by SKU (bySku) to leave existing ones alone.
    grantTableAccess(table, fn, 'readWrite', PRODUCTS_INDEX_NAMES);
    // Exactly the images it uploads (seed/images.ts, bundled with it): a prefix wildcard's cdk-nag finding would embed the cross-stack bucket
    // reference, which differs per stage, and the seed has no business writing any other key.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: Object.keys(SEED_IMAGES).map((key) => imagesBucket.arnForObjects(key)),
      }),
    );
    return fn;
  }
}

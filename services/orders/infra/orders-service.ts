import {
  FunctionAlarms,
  type LogLevel,
  type Rollout,
  type ServiceFunction,
  StateMachineCanary,
  stateMachineDeployment,
} from '@shop/cdk-constructs';
import {
  type AnyEventDefinition,
  InvoiceIssued,
  OrderCancelled,
  OrderConfirmed,
  ProductCreated,
  ProductInfoUpdated,
  StockReservationFailed,
  StockReserved,
  UserCreated,
  UserDeleted,
  UserUpdated,
} from '@shop/events';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CheckoutAlarms } from './checkout-alarms';
import { CheckoutApi } from './checkout-api';
import { CheckoutIntake } from './checkout-intake';
import { CheckoutWorkflow } from './checkout-workflow';
import { EventInbox } from './event-inbox';
import {
  type FeatureFlagsLocation,
  makeOrdersFunctions,
  type OrdersHandler,
  type PaymentsEndpoint,
} from './orders-functions';
import { OrdersLiveAliases } from './orders-live';
import { addOrdersRoutes } from './orders-routes';

/** The handlers that consume events, each from its own inbox. */
export const INBOX_HANDLERS = [
  'productChanged',
  'stockAnswer',
  'invoiceIssued',
  'customerChanged',
  'customerDeleted',
  'orderOutcome',
] as const satisfies readonly OrdersHandler[];
export type InboxHandler = (typeof INBOX_HANDLERS)[number];

/** What each consumer subscribes to: the contracts from @shop/events, one rule each. */
const SUBSCRIPTIONS: Record<InboxHandler, readonly AnyEventDefinition[]> = {
  productChanged: [ProductCreated, ProductInfoUpdated],
  stockAnswer: [StockReserved, StockReservationFailed],
  invoiceIssued: [InvoiceIssued],
  customerChanged: [UserCreated, UserUpdated],
  customerDeleted: [UserDeleted],
  // Orders' own outcomes, counted as business metrics (EMF) once per order.
  orderOutcome: [OrderConfirmed, OrderCancelled],
};

export interface OrdersServiceProps {
  /** The orders table (OrdersData.table). */
  readonly table: dynamodb.ITable;
  readonly idempotencyTable: dynamodb.ITable;
  readonly bus: events.IEventBus;
  /** The stage (dev, staging, prod): every event's `metadata.environment`. */
  readonly stageName: string;
  /** The shop's HTTP API, for the cart and order routes; defined in this stack or imported. */
  readonly httpApi: apigwv2.IHttpApi;
  /** Guards `/me/...` and `/orders` (a Cognito JWT authorizer, e.g. ShopHttpApi's `authorizer`). */
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  /** The customers' pool: the checkout REST API's authorizer trusts its ID tokens. */
  readonly userPool: cognito.IUserPool;
  /** The payment sandbox (PaymentsSandbox's `url` and `apiKeySecret`). */
  readonly payments: PaymentsEndpoint;
  /** The backend's feature flags in AppConfig (ShopFeatureFlags' ids). */
  readonly flags: FeatureFlagsLocation;
  /** Origins browsers may call the checkout API from. @default - none: CORS off */
  readonly allowedOrigins?: readonly string[];
  /**
   * How new code reaches the routes, the consumers, PriceCheckout (each function's `live` alias, by CodeDeploy)
   * and the Checkout workflow (its `live` alias's deployment preference): StageConfig's `rollout`.
   */
  readonly rollout: Rollout;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Where every alarm notifies. @default - no actions */
  readonly alarmTopic?: sns.ITopic;
}

/**
 * The orders service, for the stateless stack: the cart and order routes on the shop's HTTP API, the
 * consumers of other services' events (the catalog copy, the stock answers, the invoices, the customers'
 * profiles and deletions), the checkout (its REST API, the Express intake and the Standard Checkout
 * workflow) and the alarms of all of them.
 */
export class OrdersService extends Construct {
  readonly functions: Record<OrdersHandler, ServiceFunction>;
  readonly routes: apigwv2.HttpRoute[];
  readonly inboxes: Record<InboxHandler, EventInbox>;
  readonly checkout: CheckoutWorkflow;
  /** The Checkout workflow's versions behind its `live` alias, which the intake starts. */
  readonly checkoutLive: StateMachineCanary;
  /** The `live` alias of every function, which its route, queue or workflow task invokes. */
  readonly live: OrdersLiveAliases;
  readonly intake: CheckoutIntake;
  readonly checkoutApi: CheckoutApi;
  /** `POST ${checkoutApiUrl}checkout` starts a checkout, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/v1/`. */
  readonly checkoutApiUrl: string;
  /** Every alarm of the service, e.g. for a dashboard or canary rollbacks. */
  readonly alarms: cloudwatch.IAlarm[] = [];

  constructor(scope: Construct, id: string, props: OrdersServiceProps) {
    super(scope, id);
    const alarmActions = props.alarmTopic ? [new SnsAction(props.alarmTopic)] : [];
    this.functions = makeOrdersFunctions(this, props);
    const { stockAnswer, priceCheckout } = this.functions;
    this.live = new OrdersLiveAliases(this, 'Live', {
      functions: this.functions,
      rollout: props.rollout,
      alarmActions,
    });
    const { live } = this;
    this.routes = addOrdersRoutes(this, {
      ...props,
      handlers: { carts: live.aliasOf('carts'), orders: live.aliasOf('orders') },
    });
    const inbox = (handler: InboxHandler) => {
      const inboxId = `${handler.charAt(0).toUpperCase()}${handler.slice(1)}Inbox`;
      const consumer = this.functions[handler];
      const made = new EventInbox(this, inboxId, {
        bus: props.bus,
        events: SUBSCRIPTIONS[handler],
        consumer,
        consumerAlias: live.aliasOf(handler),
        alarmActions,
      });
      this.alarms.push(made.inbox.deadLetterAlarm, made.ruleDeadLetterAlarm);
      return made;
    };
    this.inboxes = Object.fromEntries(INBOX_HANDLERS.map((handler) => [handler, inbox(handler)])) as Record<
      InboxHandler,
      EventInbox
    >;
    this.checkout = new CheckoutWorkflow(this, 'Checkout', props);
    // Its own failed and timed-out alarms roll a new definition back; they are CheckoutAlarms' too.
    this.checkoutLive = new StateMachineCanary(this, 'CheckoutLive', {
      stateMachine: this.checkout.stateMachine,
      deployment: stateMachineDeployment(props.rollout),
    });
    for (const alarm of [this.checkoutLive.failed, this.checkoutLive.timedOut]) alarm.addAlarmAction(...alarmActions);
    // Task tokens are authorized on the state machine's ARN, whichever version or alias an execution runs.
    iam.Grant.addToPrincipal({
      grantee: stockAnswer,
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
      resourceArns: [this.checkout.stateMachine.stateMachineArn],
    });
    this.intake = new CheckoutIntake(this, 'CheckoutIntake', {
      priceCheckout: live.aliasOf('priceCheckout'),
      checkout: this.checkout.stateMachine,
      checkoutLive: this.checkoutLive,
    });
    this.checkoutApi = new CheckoutApi(this, 'CheckoutApi', { ...props, intake: this.intake.stateMachine });
    this.checkoutApiUrl = this.checkoutApi.url;
    for (const handler of ['carts', 'orders', ...INBOX_HANDLERS] as const) {
      const fn = this.functions[handler];
      this.alarms.push(...new FunctionAlarms(this, `${fn.node.id}Alarms`, { fn, alarmActions }).alarms);
    }
    const checkoutAlarms = new CheckoutAlarms(this, 'CheckoutAlarms', {
      checkout: this.checkout.stateMachine,
      intake: this.intake.stateMachine,
      priceCheckout,
      restApi: this.checkoutApi.restApi,
      alarmActions,
    });
    this.alarms.push(...checkoutAlarms.alarms);
  }
}

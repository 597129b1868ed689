import { grantPutEventsForSource } from '@shop/cdk-constructs';
import { type OrderCancelledData, OrderPlaced } from '@shop/events';
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ORDERS_TABLE_DESIGN, STOCK_RESERVATION_FAILED_ERROR } from '../src';
import { orderCancelledEntry, orderConfirmedEntry, orderPlacedEntry } from './checkout-events';
import { moveOrder, newOrderItem, retryTransientDynamoErrors } from './checkout-order-item';
import { authorizePayment, PAYMENT_ROUTES, voidPayment } from './checkout-payment';
import type { PaymentsEndpoint } from './orders-functions';
import { WorkflowRole } from './workflow-role';

/** How long the workflow waits for products' answer to Order.OrderPlaced before it cancels the order. */
export const STOCK_ANSWER_TIMEOUT = Duration.minutes(5);
/** A safety net that never fires in a healthy system: every path ends CONFIRMED or CANCELLED long before. */
export const CHECKOUT_TIMEOUT = Duration.minutes(30);

export interface CheckoutWorkflowProps {
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly stageName: string;
  readonly payments: PaymentsEndpoint;
}

type ReasonCode = OrderCancelledData['reasonCode'];
type Catch = [errors: string[], handler: sfn.IChainable];
/** A sentence naming the error that stopped the checkout (`States.Http.StatusCode.503`, `States.Timeout`…). */
const withError = (sentence: string) => sfn.JsonPath.format(sentence, sfn.JsonPath.stringAt('$.failure.Error'));
const failureCause = sfn.JsonPath.stringAt('$.failure.Cause');
const STOCK_WAIT_REASON = `Stock was not reserved within ${STOCK_ANSWER_TIMEOUT.toMinutes()} minutes.`;
const CARD_DECLINED = 'The card was declined.';

/**
 * The Standard `Checkout` state machine. Input: the priced order (PriceCheckout's `PricedOrder`). It saves the
 * order, asks products to reserve stock and waits for the answer on a task token, authorizes the payment with
 * the sandbox (HTTP task through an EventBridge Connection), confirms and publishes Order.OrderConfirmed. A
 * failure of any step from ReserveStock to ConfirmOrder compensates: void the payment if it was authorized,
 * cancel the order with a reason code, publish Order.OrderCancelled. Both ends are Succeed states, so a FAILED
 * execution always means a fault (alarmed), never a business outcome.
 */
export class CheckoutWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /** Holds the sandbox API key for the HTTP tasks (`x-api-key`). */
  readonly connection: events.Connection;
  readonly workflowRole: WorkflowRole;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CheckoutWorkflowProps,
  ) {
    super(scope, id);
    // VoidPayment's endpoint holds the authorization id: CDK renders it with States.Format only under this flag.
    this.node.setContext(cxapi.STEPFUNCTIONS_TASKS_HTTPINVOKE_DYNAMIC_JSONPATH_ENDPOINT, true);
    this.connection = new events.Connection(this, 'PaymentsConnection', {
      description: 'The payment sandbox API key, sent as x-api-key by the checkout workflow',
      authorization: events.Authorization.apiKey('x-api-key', props.payments.apiKeySecret.secretValue),
    });
    this.workflowRole = new WorkflowRole(this, 'Execution', {
      description: 'Checkout workflow: writes orders, publishes shop.orders events, calls the payment sandbox',
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: 'Checkout: save the order, reserve stock, authorize the payment, confirm; or compensate and cancel',
      definitionBody: sfn.DefinitionBody.fromChainable(this.definition()),
      role: this.workflowRole.forStateMachine,
      timeout: CHECKOUT_TIMEOUT,
      tracingEnabled: true,
      // ERROR, without execution data: inputs hold names, emails and addresses. Standard executions keep
      // their whole history for 90 days anyway, which is where support looks first.
      logs: { destination: this.workflowRole.logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
    });
    Validations.of(this.stateMachine.node.defaultChild as sfn.CfnStateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SF1',
      reason:
        'Logs ERROR events only: a Standard execution keeps its whole history (every state, 90 days) in Step ' +
        'Functions, where support reads it; logging ALL would copy each checkout’s 20-odd events at a cost.',
    });
    this.grantWhatTheDefinitionCalls();
  }

  private definition(): sfn.IChainable {
    const { table, bus, stageName } = this.props;
    const compensate = this.compensation();
    const cancelFor = (id: string, reasonCode: ReasonCode, reason: string) =>
      new sfn.Pass(this, id, { parameters: { reasonCode, reason }, resultPath: '$.cancellation' }).next(compensate);
    // Order.OrderCancelled has no code for a fault: a step that kept failing means the checkout did not complete
    // in time, the closest of its reasons.
    const checkoutFailure = cancelFor(
      'RecordCheckoutFailure',
      'CHECKOUT_TIMED_OUT',
      withError('Checkout stopped: {}.'),
    );
    // Every catch keeps the error at `$.failure`; whatever no catch names cancels as a checkout failure.
    const orCancel = <T extends sfn.TaskStateBase>(task: T, catches: Catch[] = [], otherwise = checkoutFailure) => {
      for (const [errors, handler] of [...catches, [[sfn.Errors.ALL], otherwise] as Catch]) {
        task.addCatch(handler, { errors, resultPath: '$.failure' });
      }
      return task;
    };

    const reserveStock = orCancel(this.reserveStock(), [
      // Products' own sentence ("Only 1 of MUG-ENAMEL-BLU is available…") is the failure's cause.
      [[STOCK_RESERVATION_FAILED_ERROR], cancelFor('RecordOutOfStock', 'OUT_OF_STOCK', failureCause)],
      [[sfn.Errors.TIMEOUT], cancelFor('RecordStockTimeout', 'CHECKOUT_TIMED_OUT', STOCK_WAIT_REASON)],
    ]);
    const payments = { connection: this.connection, apiRoot: this.props.payments.url };
    const authorize = orCancel(
      authorizePayment(this, 'AuthorizePayment', payments),
      [[['States.Http.StatusCode.402'], cancelFor('RecordPaymentDeclined', 'PAYMENT_DECLINED', CARD_DECLINED)]],
      cancelFor('RecordPaymentFailure', 'PAYMENT_FAILED', withError('The payment could not be authorized: {}.')),
    );
    const save = new tasks.DynamoPutItem(this, 'SaveOrder', {
      table,
      item: newOrderItem(),
      // The execution is named by the order id, so only a bug could find the order already there.
      conditionExpression: `attribute_not_exists(${ORDERS_TABLE_DESIGN.partitionKey})`,
      resultPath: sfn.JsonPath.DISCARD,
    });
    return (
      retryTransientDynamoErrors(save)
        .next(reserveStock)
        .next(orCancel(moveOrder(this, 'MarkStockReserved', { table, to: 'STOCK_RESERVED' })))
        .next(authorize)
        .next(orCancel(moveOrder(this, 'MarkPaymentAuthorized', { table, to: 'PAYMENT_AUTHORIZED' })))
        .next(orCancel(moveOrder(this, 'ConfirmOrder', { table, to: 'CONFIRMED', resultPath: '$.confirmed' })))
        // Not compensated: CONFIRMED is final. Retried; if EventBridge still refuses, the execution fails
        // (alarmed) and is redriven from here.
        .next(this.publish('PublishOrderConfirmed', orderConfirmedEntry(bus, stageName)))
        .next(new sfn.Succeed(this, 'Confirmed'))
    );
  }

  private reserveStock(): tasks.EventBridgePutEvents {
    const task = new tasks.EventBridgePutEvents(this, 'ReserveStock', {
      entries: [orderPlacedEntry(this.props.bus, this.props.stageName)],
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      taskTimeout: sfn.Timeout.duration(STOCK_ANSWER_TIMEOUT),
      resultPath: '$.reservation',
    });
    // Only a failed entry was surely not published; after any other error products may hold the first token,
    // and would not answer a second event for the same order.
    task.addRetry({ errors: ['EventBridge.FailedEntry'], interval: Duration.seconds(1), maxAttempts: 3 });
    return task;
  }

  /** Void the payment if one was authorized, cancel the order with its reason, tell products and the others. */
  private compensation(): sfn.IChainable {
    const { table, bus, stageName } = this.props;
    const cancel = moveOrder(this, 'CancelOrder', {
      table,
      to: 'CANCELLED',
      withReason: true,
      resultPath: '$.cancelled',
    })
      .next(this.publish('PublishOrderCancelled', orderCancelledEntry(bus, stageName)))
      .next(new sfn.Succeed(this, 'Cancelled'));
    const payments = { connection: this.connection, apiRoot: this.props.payments.url };
    return new sfn.Choice(this, 'Compensate', { comment: 'Was a payment authorized? Void it before cancelling.' })
      .when(sfn.Condition.isPresent('$.authorization.id'), voidPayment(this, 'VoidPayment', payments).next(cancel))
      .otherwise(cancel);
  }

  /** Publishing a fact again is harmless (consumers are idempotent), so any task failure is retried. */
  private publish(id: string, entry: tasks.EventBridgePutEventsEntry): tasks.EventBridgePutEvents {
    const task = new tasks.EventBridgePutEvents(this, id, { entries: [entry], resultPath: sfn.JsonPath.DISCARD });
    task.addRetry({
      errors: [sfn.Errors.TASKS_FAILED],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxDelay: Duration.minutes(1),
      maxAttempts: 8,
      jitterStrategy: sfn.JitterType.FULL,
    });
    return task;
  }

  private grantWhatTheDefinitionCalls(): void {
    const { role } = this.workflowRole;
    const { table, bus, payments } = this.props;
    const allow = (actions: string[], resourceArns: string[]) =>
      iam.Grant.addToPrincipal({ grantee: role, actions, resourceArns });
    allow(['dynamodb:PutItem', 'dynamodb:UpdateItem'], [table.tableArn]);
    grantPutEventsForSource(bus, role, OrderPlaced.source);
    // The HTTP tasks, as AWS documents them: the connection's credentials, its secret, the endpoint.
    allow(['events:RetrieveConnectionCredentials'], [this.connection.connectionArn]);
    allow(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], [this.connection.connectionSecretArn]);
    // On its own policy, outside the role: the state machine depends on the role, and this names the state machine.
    new iam.Policy(this, 'HttpEndpointPolicy', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: ['states:InvokeHTTPEndpoint'],
          resources: [this.stateMachine.stateMachineArn],
          conditions: {
            StringEquals: { 'states:HTTPMethod': 'POST' },
            StringLike: { 'states:HTTPEndpoint': `${payments.url}/${PAYMENT_ROUTES.authorize}*` },
          },
        }),
      ],
    });
  }
}

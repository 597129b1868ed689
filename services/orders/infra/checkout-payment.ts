import { Duration } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** The sandbox routes the workflow calls, relative to its URL. */
export const PAYMENT_ROUTES = {
  authorize: 'v1/authorizations',
  void: 'v1/authorizations/{}/void',
} as const;

/**
 * Per attempt. The sandbox's timeout card keeps a request 35 s, past HTTP API's 30 s, whose 503 then comes
 * back well inside this; a processor that hangs longer is given up on (and compensated).
 */
export const PAYMENT_ATTEMPT_TIMEOUT = Duration.seconds(40);

/**
 * Answers worth the same request again, with the same Idempotency-Key: 503 (the processor failed; retry),
 * 429 (throttled), 409 (a request with this key is still running; a TOKEN_USED 409 only answers the same
 * again, a few seconds later) and a connection that broke before any answer.
 */
export const RETRIABLE_PAYMENT_ERRORS = [
  'States.Http.StatusCode.503',
  'States.Http.StatusCode.429',
  'States.Http.StatusCode.409',
  'States.Http.Socket',
] as const;

export interface PaymentTaskProps {
  readonly connection: events.IConnection;
  /** The sandbox's base URL, without a trailing slash. */
  readonly apiRoot: string;
}

const json = { 'Content-Type': 'application/json' };

function retryTransient(task: tasks.HttpInvoke, maxAttempts: number): tasks.HttpInvoke {
  task.addRetry({
    errors: [...RETRIABLE_PAYMENT_ERRORS],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxDelay: Duration.seconds(10),
    maxAttempts,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

/**
 * AuthorizePayment: `POST /v1/authorizations` for the order total with the card token. The order id is the
 * Idempotency-Key, so a retried task never authorizes twice and may spend its token again. The result is the
 * authorization's id and status, at `$.authorization`.
 */
export function authorizePayment(scope: Construct, id: string, props: PaymentTaskProps): tasks.HttpInvoke {
  const task = new tasks.HttpInvoke(scope, id, {
    connection: props.connection,
    apiRoot: props.apiRoot,
    apiEndpoint: sfn.TaskInput.fromText(PAYMENT_ROUTES.authorize),
    method: sfn.TaskInput.fromText('POST'),
    headers: sfn.TaskInput.fromObject({ ...json, 'Idempotency-Key': sfn.JsonPath.stringAt('$.orderId') }),
    body: sfn.TaskInput.fromObject({
      amount: sfn.JsonPath.objectAt('$.totals.total'),
      token: sfn.JsonPath.stringAt('$.payment.token'),
      reference: sfn.JsonPath.stringAt('$.orderId'),
    }),
    taskTimeout: sfn.Timeout.duration(PAYMENT_ATTEMPT_TIMEOUT),
    resultSelector: {
      id: sfn.JsonPath.stringAt('$.ResponseBody.id'),
      status: sfn.JsonPath.stringAt('$.ResponseBody.status'),
    },
    resultPath: '$.authorization',
  });
  return retryTransient(task, 3);
}

/**
 * VoidPayment: `POST /v1/authorizations/{id}/void`, releasing the hold on the card. Its own Idempotency-Key
 * (the sandbox refuses one key on two routes). Retried longer than the authorization: money is held until it
 * succeeds, and if it never does the execution fails (alarmed) to be redriven from here.
 */
export function voidPayment(scope: Construct, id: string, props: PaymentTaskProps): tasks.HttpInvoke {
  const authorizationId = sfn.JsonPath.stringAt('$.authorization.id');
  const task = new tasks.HttpInvoke(scope, id, {
    connection: props.connection,
    apiRoot: props.apiRoot,
    apiEndpoint: sfn.TaskInput.fromText(sfn.JsonPath.format(PAYMENT_ROUTES.void, authorizationId)),
    method: sfn.TaskInput.fromText('POST'),
    headers: sfn.TaskInput.fromObject({
      ...json,
      'Idempotency-Key': sfn.JsonPath.format('{}-void', sfn.JsonPath.stringAt('$.orderId')),
    }),
    taskTimeout: sfn.Timeout.duration(PAYMENT_ATTEMPT_TIMEOUT),
    resultPath: sfn.JsonPath.DISCARD,
  });
  return retryTransient(task, 6);
}

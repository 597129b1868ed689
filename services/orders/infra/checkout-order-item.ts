import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { ORDER_TRANSITIONS, ORDERS_TABLE_DESIGN, type OrderStatus } from '../src';
import { customerOrdersPartition, orderKey } from '../src/adapters/table';

// The order item is written here, by SDK integrations, and read by DynamoOrderQueries (src/adapters/order-item.ts):
// its attribute names are a contract. Keys are formatted from the adapters' own key functions, so the workflow
// and the readers cannot disagree on them; lines, totals and addresses are JSON strings (States.JsonToString),
// since a workflow cannot build a typed DynamoDB list of any length.

const { partitionKey, sortKey, byCustomerIndex } = ORDERS_TABLE_DESIGN;
const S = (value: string) => tasks.DynamoAttributeValue.fromString(value);
const at = (path: string) => S(sfn.JsonPath.stringAt(path));
const json = (path: string) => S(sfn.JsonPath.jsonToString(sfn.JsonPath.objectAt(path)));
/** The order's key: `ORDER#<orderId>` / `ORDER`. `orderKey('{}')` is the adapters' key as a States.Format template. */
export function orderItemKey(): Record<string, tasks.DynamoAttributeValue> {
  const key = orderKey('{}');
  return {
    [partitionKey]: S(sfn.JsonPath.format(key.pk, sfn.JsonPath.stringAt('$.orderId'))),
    [sortKey]: S(key.sk),
  };
}

/** The new order item, PENDING, as the README's item design has it; its times are the execution's start. */
export function newOrderItem(): Record<string, tasks.DynamoAttributeValue> {
  const placedAt = sfn.JsonPath.executionStartTime;
  return {
    ...orderItemKey(),
    orderId: at('$.orderId'),
    customerId: at('$.customer.id'),
    status: S('PENDING'),
    lines: json('$.lines'),
    totals: json('$.totals'),
    shippingAddress: json('$.shippingAddress'),
    billingAddress: json('$.billingAddress'),
    createdAt: S(placedAt),
    updatedAt: S(placedAt),
    history: tasks.DynamoAttributeValue.fromList([
      tasks.DynamoAttributeValue.fromMap({ status: S('PENDING'), at: S(placedAt) }),
    ]),
    [byCustomerIndex.partitionKey]: S(
      sfn.JsonPath.format(customerOrdersPartition('{}'), sfn.JsonPath.stringAt('$.customer.id')),
    ),
    // `ORDER#<createdAt>#<orderId>`: the customer's orders sort by time (the list queries the `ORDER#` prefix).
    [byCustomerIndex.sortKey]: S(sfn.JsonPath.format('ORDER#{}#{}', placedAt, sfn.JsonPath.stringAt('$.orderId'))),
  };
}

/** The statuses an order may move to `to` from, by the domain's lifecycle (ORDER_TRANSITIONS). */
export function statusesBefore(to: OrderStatus): OrderStatus[] {
  return (Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).filter((from) => ORDER_TRANSITIONS[from].includes(to));
}

export interface MoveOrderProps {
  readonly table: dynamodb.ITable;
  readonly to: OrderStatus;
  /** Adds `reasonCode` (from `$.cancellation.reasonCode`) to the item and its history entry: for CANCELLED. */
  readonly withReason?: boolean;
  /** Where the new `updatedAt` goes (`{ at }`); the result is discarded when absent. */
  readonly resultPath?: string;
}

/**
 * One move of the order's lifecycle as one conditional UpdateItem: the status, `updatedAt` and a history entry
 * appended with list_append, only from a status the domain allows (a duplicate or illegal move fails the
 * condition instead of adding an entry). Transient DynamoDB errors are retried; a failed condition is an answer.
 */
export function moveOrder(scope: Construct, id: string, props: MoveOrderProps): tasks.DynamoUpdateItem {
  const { table, to, withReason = false, resultPath } = props;
  const from = statusesBefore(to);
  const now = S(sfn.JsonPath.stateEnteredTime);
  const reasonCode = at('$.cancellation.reasonCode');
  const entry = { status: S(to), at: now, ...(withReason && { reasonCode }) };
  const task = new tasks.DynamoUpdateItem(scope, id, {
    table,
    key: orderItemKey(),
    updateExpression:
      'SET #status = :to, updatedAt = :now, history = list_append(history, :entry)' +
      (withReason ? ', reasonCode = :reasonCode' : ''),
    conditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
    expressionAttributeNames: { '#status': 'status' },
    expressionAttributeValues: {
      ':to': S(to),
      ':now': now,
      ':entry': tasks.DynamoAttributeValue.fromList([tasks.DynamoAttributeValue.fromMap(entry)]),
      ...Object.fromEntries(from.map((status, i) => [`:from${i}`, S(status)])),
      ...(withReason && { ':reasonCode': reasonCode }),
    },
    returnValues: resultPath ? tasks.DynamoReturnValues.UPDATED_NEW : tasks.DynamoReturnValues.NONE,
    resultSelector: resultPath ? { at: sfn.JsonPath.stringAt('$.Attributes.updatedAt.S') } : undefined,
    resultPath: resultPath ?? sfn.JsonPath.DISCARD,
  });
  return retryTransientDynamoErrors(task);
}

/** Retries what DynamoDB may answer under load; a failed condition is never retried: it would fail again. */
export function retryTransientDynamoErrors<T extends sfn.TaskStateBase>(task: T): T {
  task.addRetry({ errors: ['DynamoDB.ConditionalCheckFailedException'], maxAttempts: 0 });
  task.addRetry({
    errors: [sfn.Errors.TASKS_FAILED],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 4,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ORDERS_TABLE_DESIGN } from '../src';

/** What Powertools idempotency does with its table: read, create, complete and delete a record. */
export const IDEMPOTENCY_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

export type DynamoAction = `dynamodb:${string}`;

/** The item actions a principal may take, per table (and on the `byCustomer` index). */
export interface TableGrants {
  readonly table?: readonly DynamoAction[];
  readonly byCustomerIndex?: readonly DynamoAction[];
  readonly idempotencyTable?: readonly DynamoAction[];
}

export interface Tables {
  readonly table: dynamodb.ITable;
  readonly idempotencyTable: dynamodb.ITable;
}

/**
 * Grants exactly the listed actions, each on the table (or index) it is listed for. CDK's grantReadData and
 * grantWriteData add actions no handler calls (Scan, DescribeTable, the stream, ConditionCheckItem) and
 * `index/*`, whose cdk-nag finding would embed the cross-stack reference to the table.
 *
 * @example
 * grantTableActions(tables, ordersFunction, { table: ['dynamodb:GetItem'], byCustomerIndex: ['dynamodb:Query'] });
 */
export function grantTableActions(tables: Tables, grantee: iam.IGrantable, grants: TableGrants): iam.Grant[] {
  const { table, idempotencyTable } = tables;
  const indexArn = `${table.tableArn}/index/${ORDERS_TABLE_DESIGN.byCustomerIndex.indexName}`;
  const targets: [readonly DynamoAction[] | undefined, string][] = [
    [grants.table, table.tableArn],
    [grants.byCustomerIndex, indexArn],
    [grants.idempotencyTable, idempotencyTable.tableArn],
  ];
  return targets
    .filter((target): target is [readonly DynamoAction[], string] => (target[0]?.length ?? 0) > 0)
    .map(([actions, arn]) => iam.Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [arn] }));
}

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Item reads, on the table and on the indexes named in the grant. No Scan: every access pattern is a key or a query. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  // Authorizes a ConditionCheck inside TransactWriteItems, which reads an item without returning it.
  'dynamodb:ConditionCheckItem',
] as const;

/** Item writes (TransactWriteItems is authorized per item by these). Writes go to the table, never to an index. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

export type TableAccess = 'read' | 'write' | 'readWrite';

/**
 * Grants item access to a table and to the named indexes only. CDK's grantReadData grants `<table>/index/*`,
 * and that wildcard's cdk-nag finding id embeds the cross-stack reference to the table, which changes with the
 * stage: naming the indexes leaves no wildcard to acknowledge. It also leaves out the Scan, stream and DescribeTable
 * actions that CDK adds and no handler calls.
 *
 * @example
 * grantTableAccess(table, getInvoice, 'read');
 */
export function grantTableAccess(
  table: dynamodb.ITable,
  grantee: iam.IGrantable,
  access: TableAccess,
  indexNames: readonly string[] = [],
): iam.Grant[] {
  const grants: iam.Grant[] = [];
  if (access !== 'write') {
    const indexArns = indexNames.map((name) => `${table.tableArn}/index/${name}`);
    grants.push(
      iam.Grant.addToPrincipal({
        grantee,
        actions: [...TABLE_READ_ACTIONS],
        resourceArns: [table.tableArn, ...indexArns],
      }),
    );
  }
  if (access !== 'read') {
    grants.push(
      iam.Grant.addToPrincipal({ grantee, actions: [...TABLE_WRITE_ACTIONS], resourceArns: [table.tableArn] }),
    );
  }
  return grants;
}

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';

/** The profile item actions each function needs: no Scan or Query, every access is by key. */
export const PROFILE_ACTIONS = {
  /** Read a profile, create it if missing, save changes, record what was announced. */
  readWrite: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  /** Read a profile, then delete it. */
  readDelete: ['dynamodb:GetItem', 'dynamodb:DeleteItem'],
} as const;

/**
 * Grants item actions on the users table only (it has no index). CDK's grantReadWriteData would add Scan,
 * BatchWrite, DescribeTable and the rest, which no handler calls.
 *
 * @example
 * grantProfileAccess(table, getProfileFunction, 'readWrite');
 */
export function grantProfileAccess(
  table: dynamodb.ITable,
  grantee: iam.IGrantable,
  access: keyof typeof PROFILE_ACTIONS,
): iam.Grant {
  return iam.Grant.addToPrincipal({ grantee, actions: [...PROFILE_ACTIONS[access]], resourceArns: [table.tableArn] });
}

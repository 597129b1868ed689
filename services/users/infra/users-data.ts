import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface UsersDataProps {
  /** Keep the table when it leaves the stack (prod): RETAIN, and protected from deletion. */
  readonly retain: boolean;
}

/**
 * The users service's state, for the stateful stack: the users table, one profile item per user
 * (`USER#<sub>` / `PROFILE`). No physical name; the trigger and `UsersService` receive it through props.
 *
 * @example
 * const users = new UsersData(this, 'Users', { retain: config.retainStatefulResources });
 */
export class UsersData extends Construct {
  /** Profiles: personal data, encrypted and backed up (point-in-time recovery). */
  readonly table: dynamodb.ITableV2;

  constructor(scope: Construct, id: string, props: UsersDataProps) {
    super(scope, id);
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'UsersTable', {
      partitionKey: key('pk'),
      sortKey: key('sk'),
      billing: dynamodb.Billing.onDemand(),
      // An AWS managed key: every use of it shows in CloudTrail, which matters for a table of personal data.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}

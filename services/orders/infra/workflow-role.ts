import { Names, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** What CloudWatch Logs delivery needs to write a state machine's log: AWS requires `Resource: "*"`. */
export const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
] as const;
/** What X-Ray tracing of a state machine needs: these actions support no resource-level permissions. */
export const TRACING_ACTIONS = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
] as const;

export interface WorkflowRoleProps {
  readonly description: string;
}

/**
 * A state machine's execution role and log group. Tasks' own grants are not used: the state machine gets
 * `forStateMachine`, a view of the role that ignores policy updates, and the service grants the role exactly
 * what the definition calls (CDK's tasks grant more: PutEvents for any source, an HTTP endpoint on `*`).
 * Logging and tracing, which AWS only allows on `*`, sit in the role's inline `Observability` policy: it exists
 * before the state machine (CreateStateMachine checks log delivery), and the acknowledgment of its wildcard
 * covers nothing else.
 */
export class WorkflowRole extends Construct {
  readonly role: iam.Role;
  /** Pass this as the StateMachine's `role`. */
  readonly forStateMachine: iam.IRole;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WorkflowRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: props.description,
      inlinePolicies: {
        Observability: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: [...LOG_DELIVERY_ACTIONS], resources: ['*'] }),
            new iam.PolicyStatement({ actions: [...TRACING_ACTIONS], resources: ['*'] }),
          ],
        }),
      },
    });
    Validations.of(this.role.node.defaultChild as iam.CfnRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the inline Observability policy is on this resource: CloudWatch Logs delivery and X-Ray tracing of ' +
        'a state machine support no resource-level permissions, so AWS requires Resource "*" for them.',
    });
    this.forStateMachine = this.role.withoutPolicyUpdates();
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      // The one physical name: log groups under /aws/vendedlogs/ keep CloudWatch Logs' account-wide resource
      // policy (5 120 characters) from growing with every state machine, as AWS recommends. Derived from the
      // construct path, so every stage gets its own.
      logGroupName: `/aws/vendedlogs/states/${Names.uniqueResourceName(this, { maxLength: 200 })}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

import { Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The account's API Gateway setting that lets REST API stages write execution and access logs to CloudWatch
 * Logs (one per account and region; a REST stage with logging fails to deploy without it). cdk.json turns off
 * CDK's implicit role per RestApi, so the app sets it once, here, on purpose.
 *
 * @example
 * new ApiGatewayLogging(this, 'ApiGatewayLogging');
 */
export class ApiGatewayLogging extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'CloudWatchRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'Lets API Gateway push REST API logs to CloudWatch Logs',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
      ],
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "AWS's own service-role policy for exactly this purpose; API Gateway creates log groups named after API ids " +
        'it chooses, so a hand-written policy could not be narrower.',
    });
    new apigateway.CfnAccount(this, 'Account', { cloudWatchRoleArn: role.roleArn });
  }
}

import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { deployedTarget } from './deployed-shop';
import { MissingOutputError } from './target';

const cloudFormation = new CloudFormationClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const cfn = mockClient(cloudFormation);
const stack = (StackName: string, outputs: Record<string, string>) => ({
  Stacks: [
    {
      StackName,
      StackStatus: 'UPDATE_COMPLETE' as const,
      CreationTime: new Date(),
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
    },
  ],
});

afterEach(() => cfn.reset());

describe('deployedTarget', () => {
  it("reads the stage's three stacks' outputs with DescribeStacks, in the client's region", async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'ShopStaging-Stateful' }).resolves(
      stack('ShopStaging-Stateful', {
        EventBusName: 'bus',
        UserPoolId: 'eu-west-1_pool',
        StorefrontClientId: 'client',
      }),
    );
    cfn.on(DescribeStacksCommand, { StackName: 'ShopStaging-Stateless' }).resolves(
      stack('ShopStaging-Stateless', {
        ApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
        CheckoutApiUrl: 'https://def.execute-api.eu-west-1.amazonaws.com/v1/',
      }),
    );
    cfn.on(DescribeStacksCommand, { StackName: 'ShopStaging-Payments' }).resolves(
      stack('ShopStaging-Payments', {
        PaymentsUrl: 'https://ghi.execute-api.eu-west-1.amazonaws.com',
        PaymentsApiKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:key',
      }),
    );

    const target = await deployedTarget('staging', cloudFormation);

    expect(target).toEqual({
      stage: 'staging',
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      userPoolId: 'eu-west-1_pool',
      storefrontClientId: 'client',
      eventBusName: 'bus',
      checkoutApiUrl: 'https://def.execute-api.eu-west-1.amazonaws.com/v1/',
      paymentsUrl: 'https://ghi.execute-api.eu-west-1.amazonaws.com',
      paymentsApiKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:key',
      env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
    });
  });

  it('fails when a stack lacks an output the suite needs', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('any', { ApiUrl: 'https://abc' }));

    await expect(deployedTarget('staging', cloudFormation)).rejects.toThrow(MissingOutputError);
  });
});

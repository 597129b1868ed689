import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { shopStacks, targetFromOutputs, type ShopTarget } from './target';

/**
 * The target of a deployed stage, from its stacks' outputs (`DescribeStacks` on `Shop<Stage>-Stateful` and
 * `Shop<Stage>-Stateless`) in the region of the default provider chain (`AWS_REGION`, the profile...).
 *
 * @throws MissingOutputError when a stack lacks an output the suite needs.
 * @example
 * const target = await deployedTarget('staging', new CloudFormationClient({}));
 */
export async function deployedTarget(stage: string, cloudFormation: CloudFormationClient): Promise<ShopTarget> {
  const stacks = Object.values(shopStacks(stage));
  const outputs = Object.fromEntries(
    await Promise.all(stacks.map(async (name) => [name, await stackOutputs(cloudFormation, name)] as const)),
  );
  const region = await cloudFormation.config.region();
  return targetFromOutputs(stage, outputs, { AWS_REGION: region, AWS_DEFAULT_REGION: region });
}

async function stackOutputs(cloudFormation: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Stacks?.[0]?.Outputs ?? [];
  return Object.fromEntries(
    outputs.flatMap(({ OutputKey, OutputValue }) => (OutputKey && OutputValue ? [[OutputKey, OutputValue]] : [])),
  );
}

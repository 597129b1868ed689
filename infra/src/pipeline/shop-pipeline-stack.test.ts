import { acknowledgments, awsSolutionsFindings, type NagFinding } from '@shop/cdk-constructs/testing';
import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { definePipelineApp } from '../app';
import { testApp } from '../testing/test-app';
import { PIPELINE_ACKNOWLEDGMENT_REASONS } from './pipeline-acknowledgments';
import type { ShopPipelineStack } from './shop-pipeline-stack';
import { PIPELINE_CONTEXT } from './testing-context';

interface Action {
  Name: string;
  RunOrder?: number;
  ActionTypeId: { Category: string; Provider: string };
  Configuration?: Record<string, unknown>;
  RoleArn?: unknown;
}
interface PipelineStage {
  Name: string;
  Actions: Action[];
}

// One synthesis for the whole file: the pipeline holds two full stages, and cdk-nag checks them all.
let app: App;
let stack: ShopPipelineStack;
let findings: NagFinding[];
let template: Template;
let stages: PipelineStage[];

beforeAll(() => {
  app = testApp(PIPELINE_CONTEXT);
  stack = definePipelineApp(app, {});
  findings = awsSolutionsFindings(app);
  template = Template.fromJSON(app.synth().getStackArtifact(stack.artifactId).template as Record<string, unknown>);
  const pipeline = Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0];
  stages = pipeline?.Properties.Stages as PipelineStage[];
}, 600_000);

const stage = (name: string) => stages.find((s) => s.Name === name) ?? { Name: name, Actions: [] };
const action = (stageName: string, name: string) => stage(stageName).Actions.find((a) => a.Name.includes(name));
function commandsOf(projectLogicalIdPart: string): string {
  const projects = template.findResources('AWS::CodeBuild::Project');
  const [, project] = Object.entries(projects).find(([id]) => id.includes(projectLogicalIdPart)) ?? [];
  return String(project?.Properties.Source.BuildSpec);
}

describe('ShopPipelineStack', () => {
  it('runs source, build, self-update, assets, staging, then prod', () => {
    expect(stages.map((s) => s.Name)).toEqual([
      'Source',
      'Build',
      'UpdatePipeline',
      'Assets',
      'ShopStaging',
      'ShopProd',
    ]);
  });

  it('takes its source from the configured repository, branch and connection', () => {
    expect(stage('Source').Actions[0]).toMatchObject({
      ActionTypeId: { Category: 'Source', Provider: 'CodeStarSourceConnection' },
      Configuration: {
        ConnectionArn: PIPELINE_CONTEXT.connectionArn,
        FullRepositoryId: 'my-org/shop',
        BranchName: 'main',
      },
    });
  });

  it('installs from the lock file, lints and tests everything, builds the storefront, then synthesizes', () => {
    const buildSpec = commandsOf('PipelineBuildSynth');

    expect(buildSpec).toContain('npm ci');
    expect(buildSpec).toContain('npm test');
    const build = buildSpec.indexOf('npm run build:aws -w apps/storefront');
    const synth = buildSpec.indexOf('npx cdk synth --quiet -c pipeline=true -c repository=my-org/shop');
    expect(build).toBeGreaterThan(buildSpec.indexOf('npm test'));
    expect(synth).toBeGreaterThan(build);
  });

  it('deploys staging and prod to their own accounts, with keys other accounts can use', () => {
    const deployRoles = [...stage('ShopStaging').Actions, ...stage('ShopProd').Actions]
      .filter((a) => a.ActionTypeId.Provider === 'CloudFormation')
      .map((a) => JSON.stringify(a.RoleArn));

    // Seven stacks per stage (stateful, payments, stateless, invoices, users, storefront, observability), each
    // prepared and deployed: 14 actions per account.
    expect(deployRoles.filter((r) => r.includes('222222222222'))).toHaveLength(14);
    expect(deployRoles.filter((r) => r.includes('333333333333'))).toHaveLength(14);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('runs the end-to-end suite, then the browser smoke tests, after staging deploys', () => {
    const lastDeploy = Math.max(
      ...stage('ShopStaging')
        .Actions.filter((a) => a.ActionTypeId.Provider === 'CloudFormation')
        .map((a) => a.RunOrder ?? 1),
    );

    expect(action('ShopStaging', 'EndToEndTests')?.RunOrder).toBe(lastDeploy + 1);
    expect(action('ShopStaging', 'BrowserSmokeTests')?.RunOrder).toBe(lastDeploy + 2);
    expect(commandsOf('EndToEndTests')).toContain('npx nx run e2e:test --skip-nx-cache');
    expect(commandsOf('BrowserSmokeTests')).toContain('npx nx run dev:e2e-browser --skip-nx-cache');
  });

  it('runs the tests against staging as the configured role, and may assume nothing else', () => {
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      Environment: Match.objectLike({
        EnvironmentVariables: Match.arrayWith([
          { Name: 'E2E_ROLE_ARN', Type: 'PLAINTEXT', Value: PIPELINE_CONTEXT.e2eRoleArn },
          { Name: 'SHOP_E2E_STAGE', Type: 'PLAINTEXT', Value: 'staging' },
        ]),
      }),
    });
    const assumes = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
      .filter((s) => s.Action === 'sts:AssumeRole' && JSON.stringify(s.Resource).includes('shop-e2e'));
    expect(assumes).toEqual([
      expect.objectContaining({ Resource: PIPELINE_CONTEXT.e2eRoleArn }),
      expect.objectContaining({ Resource: PIPELINE_CONTEXT.e2eRoleArn }),
    ]);
  });

  it('checks for broadened permissions, then waits for a manual approval, before prod deploys', () => {
    const firstDeploy = Math.min(
      ...stage('ShopProd')
        .Actions.filter((a) => a.ActionTypeId.Provider === 'CloudFormation')
        .map((a) => a.RunOrder ?? 1),
    );

    // The check is a CodeBuild action (`cdk diff --security-only`) and an approval it grants itself when nothing
    // broadens; the promotion is always a person's decision.
    expect(action('ShopProd', 'CheckPermissionsBroadening.Check')).toMatchObject({
      ActionTypeId: { Category: 'Build', Provider: 'CodeBuild' },
      RunOrder: 1,
    });
    expect(action('ShopProd', 'CheckPermissionsBroadening.Confirm')?.RunOrder).toBe(2);
    expect(action('ShopProd', 'PromoteToProd')).toMatchObject({
      ActionTypeId: { Category: 'Approval', Provider: 'Manual' },
      RunOrder: 3,
    });
    expect(firstDeploy).toBe(4);
  });

  it('passes the AWS Solutions checks, the stages it deploys included', () => {
    expect(findings).toEqual([]);
  });

  it("acknowledges only CDK Pipelines' own findings, each on the construct concerned, with a reason", () => {
    const stageAcks = new Set([...acknowledgments(stack.staging), ...acknowledgments(stack.prod)].map((a) => a.path));
    const acks = acknowledgments(stack).filter(({ path }) => !stageAcks.has(path));

    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every(({ path }) => path.startsWith('ShopPipeline/Pipeline/'))).toBe(true);
    expect(new Set(acks.map(({ reason }) => reason))).toEqual(new Set(Object.values(PIPELINE_ACKNOWLEDGMENT_REASONS)));
    expect(new Set(acks.map(({ id }) => id.replace(/\[.*$/, '')))).toEqual(
      new Set(['AwsSolutions::AwsSolutions-IAM5', 'AwsSolutions::AwsSolutions-S1', 'AwsSolutions::AwsSolutions-IAM4']),
    );
  });
});

import { Stack, type StackProps } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import type { Construct } from 'constructs';
import { ShopStage, stageId } from '../shop-stage';
import { acknowledgePipelineFindings } from './pipeline-acknowledgments';
import type { PipelineConfig } from './pipeline-config';
import {
  BUILD_ENVIRONMENT,
  INSTALL_COMMANDS,
  STOREFRONT_BUILD_COMMAND,
  stagingVerification,
  synthCommand,
} from './pipeline-steps';

export interface ShopPipelineStackProps extends StackProps {
  readonly config: PipelineConfig;
}

/**
 * The delivery pipeline (CDK Pipelines), in the tooling account: every push to the branch is built, linted,
 * tested and synthesized; the pipeline updates itself; staging deploys and is verified by the end-to-end suite
 * and the browser smoke tests; prod deploys after a permissions-broadening check and a manual approval.
 * Functions and the checkout workflow then shift traffic by canary inside each stage (see docs/operations.md).
 */
export class ShopPipelineStack extends Stack {
  readonly pipeline: pipelines.CodePipeline;
  readonly staging: ShopStage;
  readonly prod: ShopStage;

  constructor(scope: Construct, id: string, props: ShopPipelineStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, { ...stackProps, env: config.env });
    const source = pipelines.CodePipelineSource.connection(config.repository, config.branch, {
      connectionArn: config.connectionArn,
    });
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      // Staging and prod may be other accounts: their deploy roles must read artifacts encrypted with a KMS key.
      crossAccountKeys: true,
      enableKeyRotation: true,
      dockerEnabledForSynth: false,
      codeBuildDefaults: { buildEnvironment: BUILD_ENVIRONMENT },
      synth: new pipelines.ShellStep('Synth', {
        input: source,
        installCommands: INSTALL_COMMANDS,
        // `npm test` is lint, typecheck and test of every project: the same gate as CI. The storefront is built
        // with OpenNext before synth, which packages that build and never runs Next.js itself (ADR 26).
        commands: ['npm test', STOREFRONT_BUILD_COMMAND, synthCommand(config)],
        primaryOutputDirectory: 'infra/cdk.out',
      }),
    });

    this.staging = new ShopStage(this, stageId('staging'), { config: config.staging });
    this.pipeline.addStage(this.staging, { post: stagingVerification(source, config) });

    this.prod = new ShopStage(this, stageId('prod'), { config: config.prod });
    const broadening = new pipelines.ConfirmPermissionsBroadening('CheckPermissionsBroadening', { stage: this.prod });
    const approval = new pipelines.ManualApprovalStep('PromoteToProd', {
      comment: 'Staging passed its end-to-end and browser tests. Promote this commit to prod?',
    });
    approval.addStepDependency(broadening);
    this.pipeline.addStage(this.prod, { pre: [broadening, approval] });

    // The pipeline's resources exist only once buildPipeline() runs; acknowledge findings on them after that.
    this.pipeline.buildPipeline();
    acknowledgePipelineFindings(this.pipeline);
  }
}

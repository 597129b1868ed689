import { type App, Validations } from 'aws-cdk-lib';
// cdk-nag is CommonJS whose re-exports Node's ESM loader cannot name: import the module object.
import cdkNag from 'cdk-nag';
import { loadStageConfig } from './config';
import { isPipelineSynth, loadPipelineConfig } from './pipeline/pipeline-config';
import { ShopPipelineStack } from './pipeline/shop-pipeline-stack';
import { ShopStage, stageId } from './shop-stage';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Defines what `cdk synth` builds: the delivery pipeline with `-c pipeline=true`, otherwise one stage (dev by
 * default, as the local cloud and `npm start` expect).
 *
 * @example
 * defineApp(new App(), process.env);
 */
export function defineApp(app: App, env: Env): ShopStage | ShopPipelineStack {
  return isPipelineSynth((key) => app.node.tryGetContext(key)) ? definePipelineApp(app, env) : defineShopApp(app, env);
}

/**
 * Defines the delivery pipeline (`ShopPipeline`), which deploys staging and then prod, checked by cdk-nag as a
 * stage is. Configured by context: see `loadPipelineConfig` and docs/operations.md.
 *
 * @example
 * const pipeline = definePipelineApp(new App({ context: { pipeline: 'true', ... } }), process.env);
 */
export function definePipelineApp(app: App, env: Env): ShopPipelineStack {
  const config = loadPipelineConfig({ context: (key) => app.node.tryGetContext(key), env });
  const stack = new ShopPipelineStack(app, 'ShopPipeline', { config });
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
  return stack;
}

/**
 * Defines the Shop app: the stage named by context (`-c stage=prod`, default dev), checked by cdk-nag's
 * AWS Solutions rules. Any finding not acknowledged with a reason fails `cdk synth` and `cdk deploy`.
 *
 * @example
 * const stage = defineShopApp(new App(), process.env);
 */
export function defineShopApp(app: App, env: Readonly<Record<string, string | undefined>>): ShopStage {
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env });
  const stage = new ShopStage(app, stageId(config.stageName), { config });
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
  return stage;
}

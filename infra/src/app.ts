import { type App, Validations } from 'aws-cdk-lib';
// cdk-nag is CommonJS whose re-exports Node's ESM loader cannot name: import the module object.
import cdkNag from 'cdk-nag';
import { loadStageConfig } from './config';
import { ShopStage, stageId } from './shop-stage';

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

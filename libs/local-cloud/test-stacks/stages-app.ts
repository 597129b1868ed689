import { App, CfnOutput, Stack, Stage, type StageProps } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

class ShopStage extends Stage {
  constructor(scope: Construct, id: string, props?: StageProps) {
    super(scope, id, props);
    const data = new Stack(this, 'Data');
    const queue = new sqs.Queue(data, 'Jobs');
    new CfnOutput(data, 'JobsArn', { value: queue.queueArn });
  }
}

/**
 * Synthesizes an app of two Stages, "Dev" (environment-agnostic) and "Prod" (pinned to eu-west-2), and no
 * top-level stack, as a pipeline app looks; returns the cdk.out folder.
 *
 * @example
 * const cdkOut = synthStagesApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthStagesApp(outdir: string): string {
  const app = new App({ outdir });
  new ShopStage(app, 'Dev');
  new ShopStage(app, 'Prod', { env: { region: 'eu-west-2' } });
  app.synth();
  return outdir;
}

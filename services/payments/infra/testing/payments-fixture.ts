import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Stage } from 'aws-cdk-lib';
import { PaymentsStack, type PaymentsStackProps } from '../payments-stack';

// The app's own cdk.json, so tests synthesize with its feature flags.
const CDK_JSON = fileURLToPath(new URL('../../../../infra/cdk.json', import.meta.url));

/**
 * @internal The payments stack in a stage, as the shop's app would deploy it. Bundling is skipped
 * (`aws:cdk:bundling-stacks`, what `cdk deploy <other stack>` does): esbuild for seven functions takes most of
 * a minute on a busy machine, and these tests read the template, not the bundles. The entries must still exist.
 */
export function paymentsStage(props: Partial<PaymentsStackProps> = {}) {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stage = new Stage(app, 'Test');
  const stack = new PaymentsStack(stage, 'Payments', { retain: false, ...props });
  return { app, stage, stack, sandbox: stack.sandbox };
}

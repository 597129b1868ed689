import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/**
 * Synthesizes what `build` adds to a small test stack and returns its template. Functions are not bundled
 * (CDK stages empty asset folders when no stack is listed for bundling): a check is about wiring, and stays fast.
 *
 * @example
 * const template = synthesize((stack) => new CancelledOrderAlerts(stack, 'Alerts', { bus: new EventBus(stack, 'Bus') }));
 */
export function synthesize(build: (stack: Stack) => unknown): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'WorkshopCheck', { env: { account: '123456789012', region: 'eu-west-1' } });
  build(stack);
  return Template.fromStack(stack);
}

/** The resources of one type in a template, as `[logicalId, resource]` pairs. */
export function resourcesOf(template: Template, type: string): [string, { Properties: Record<string, unknown> }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: Record<string, unknown> }][];
}

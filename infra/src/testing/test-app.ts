import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';

/**
 * An App with the feature flags of cdk.json, so tests synthesize what `cdk synth` does (for instance weak
 * cross-stack references through Fn::GetStackOutput rather than exports). It skips bundling the functions
 * (esbuild for every handler on every synth) unless `bundle` is set: assertions read templates, not bundles.
 */
export function testApp(context: Record<string, unknown> = {}, { bundle = false } = {}): App {
  const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const bundling = bundle ? {} : { 'aws:cdk:bundling-stacks': [] };
  return new App({ context: { ...cdkJson.context, ...bundling, ...context } });
}

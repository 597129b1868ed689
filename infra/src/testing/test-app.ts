import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';

/**
 * An App with the feature flags of cdk.json, so tests synthesize what `cdk synth` does (for instance weak
 * cross-stack references through Fn::GetStackOutput rather than exports).
 */
export function testApp(context: Record<string, unknown> = {}): App {
  const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return new App({ context: { ...cdkJson.context, ...context } });
}

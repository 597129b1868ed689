import { App } from 'aws-cdk-lib';
import { defineApp } from './app';
import { StageConfigError } from './config';
import { PipelineConfigError } from './pipeline/pipeline-config';

// `SHOP_SYNTH_TEMPLATES_ONLY=true` writes the templates without bundling any function (seconds, not a minute):
// for tools that read the wiring, such as the generated architecture diagrams. Never for a deployment. After the
// CLI's context (postCliContext), which otherwise asks to bundle every stack.
const templatesOnly = process.env['SHOP_SYNTH_TEMPLATES_ONLY'] === 'true';

try {
  defineApp(new App(templatesOnly ? { postCliContext: { 'aws:cdk:bundling-stacks': [] } } : {}), process.env);
} catch (err) {
  if (!(err instanceof StageConfigError || err instanceof PipelineConfigError)) throw err;
  // A configuration mistake needs its message, not a stack trace.
  console.error(err.message);
  process.exit(1);
}

import { App } from 'aws-cdk-lib';
import { defineApp } from './app';
import { StageConfigError } from './config';
import { PipelineConfigError } from './pipeline/pipeline-config';

try {
  defineApp(new App(), process.env);
} catch (err) {
  if (!(err instanceof StageConfigError || err instanceof PipelineConfigError)) throw err;
  // A configuration mistake needs its message, not a stack trace.
  console.error(err.message);
  process.exit(1);
}

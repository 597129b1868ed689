import { App } from 'aws-cdk-lib';
import { defineShopApp } from './app';
import { StageConfigError } from './config';

try {
  defineShopApp(new App(), process.env);
} catch (err) {
  if (!(err instanceof StageConfigError)) throw err;
  // A configuration mistake needs its message, not a stack trace.
  console.error(err.message);
  process.exit(1);
}

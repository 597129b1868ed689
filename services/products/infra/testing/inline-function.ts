import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** @internal A plain inline function, so construct tests are about wiring, not bundling. */
export function inlineFunction(scope: Construct, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    timeout: Duration.seconds(10),
  });
}

/** @internal The `live` alias of a function's current version, as LiveAlias publishes it (without CodeDeploy). */
export function liveAliasOf(fn: lambda.Function): lambda.Alias {
  return new lambda.Alias(fn, 'Live', { aliasName: 'live', version: fn.currentVersion });
}

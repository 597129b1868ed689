import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LambdaDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const entry = (name: string) => fileURLToPath(new URL(`./handlers/${name}.ts`, import.meta.url));

/** Functions bundled by the installed esbuild (no Docker), one per runtime behaviour the tests check. */
class FunctionsStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const defaults: NodejsFunctionProps = { runtime: lambda.Runtime.NODEJS_24_X, bundling: { minify: false, sourceMap: false } };
    const counter = new NodejsFunction(this, 'Counter', {
      ...defaults,
      entry: entry('counter'),
      memorySize: 256,
      environment: { TABLE_NAME: 'orders' },
      bundling: { format: OutputFormat.ESM },
    });
    counter.addAlias('live');
    new NodejsFunction(this, 'Slow', { ...defaults, entry: entry('counter'), timeout: Duration.seconds(1) });
    new NodejsFunction(this, 'Reserved', { ...defaults, entry: entry('counter'), reservedConcurrentExecutions: 1 });
    new lambda.Function(this, 'Inline', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (event) => ({ inline: true, echo: event });'),
    });
    new NodejsFunction(this, 'JsonLogs', {
      ...defaults,
      entry: entry('counter'),
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.WARN,
    });
    new NodejsFunction(this, 'Misnamed', { ...defaults, entry: entry('recorder'), handler: 'notExported' });
    const recorder = new NodejsFunction(this, 'Recorder', { ...defaults, entry: entry('recorder') });
    new NodejsFunction(this, 'AlwaysFails', {
      ...defaults,
      entry: entry('always-fails'),
      retryAttempts: 2,
      onFailure: new LambdaDestination(recorder),
    });
  }
}

/**
 * Synthesizes the "Functions" stack into `outdir` (bundling each handler with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthLambdaApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthLambdaApp(outdir: string): string {
  const app = new App({ outdir });
  new FunctionsStack(app, 'Functions');
  app.synth();
  return outdir;
}

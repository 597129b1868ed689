import { App, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { OrderWorkflow } from './order-workflow';
import { BENCH_STACK_COUNT, benchStackName, PROBE_DETAIL_TYPES, shardSource } from './probe';

const entry = (name: string) => fileURLToPath(new URL(`./handlers/${name}.ts`, import.meta.url));

function benchFunction(scope: Construct, id: string, handler: string): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: entry(handler),
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    timeout: Duration.seconds(10),
    bundling: { format: OutputFormat.ESM, target: 'node24', minify: true, sourceMap: false },
  });
}

/**
 * One service's worth of resources, as the Shop's service stacks have them: a table, a queue with a DLQ
 * consumed by a function, a rule to a function, a rule to the queue, and a ten-state workflow.
 */
class BenchShardStack extends Stack {
  constructor(scope: Construct, shard: number) {
    super(scope, benchStackName(shard));
    const table = new dynamodb.TableV2(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deadLetterQueue = new sqs.Queue(this, 'ProbesDlq', { enforceSSL: true });
    const queue = new sqs.Queue(this, 'ProbesQueue', {
      visibilityTimeout: Duration.seconds(30),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 3 },
      enforceSSL: true,
    });
    const directFunction = benchFunction(this, 'DirectProbeFunction', 'record-receipt');
    const queuedFunction = benchFunction(this, 'QueuedProbeFunction', 'record-receipt');
    queuedFunction.addEventSource(new SqsEventSource(queue, { batchSize: 10 }));
    new events.Rule(this, 'DirectProbeRule', {
      eventPattern: { source: [shardSource(shard)], detailType: [PROBE_DETAIL_TYPES.direct] },
      targets: [new targets.LambdaFunction(directFunction)],
    });
    new events.Rule(this, 'QueuedProbeRule', {
      eventPattern: { source: [shardSource(shard)], detailType: [PROBE_DETAIL_TYPES.queued] },
      targets: [new targets.SqsQueue(queue)],
    });
    const workflow = new OrderWorkflow(this, 'OrderWorkflow', { table, priceOrderFunction: benchFunction(this, 'PriceOrderFunction', 'price-order') });
    new CfnOutput(this, 'DirectProbeFunctionName', { value: directFunction.functionName });
    new CfnOutput(this, 'QueuedProbeFunctionName', { value: queuedFunction.functionName });
    new CfnOutput(this, 'StateMachineArn', { value: workflow.stateMachine.stateMachineArn });
  }
}

/**
 * Synthesizes the bench app (`BENCH_STACK_COUNT` stacks, their functions bundled by the installed esbuild)
 * into `outdir` and returns the folder. `cfnValidation: false` skips CDK's built-in CloudFormation template
 * validation (`AppProps.builtinCloudFormationValidation`), which `cdk synth` runs by default.
 *
 * @example
 * const cdkOut = synthBenchApp(mkdtempSync(join(tmpdir(), 'bench-cdk-')));
 */
export function synthBenchApp(outdir: string, options: { cfnValidation?: boolean } = {}): string {
  const app = new App({ outdir, builtinCloudFormationValidation: options.cfnValidation ?? true });
  for (let shard = 1; shard <= BENCH_STACK_COUNT; shard += 1) new BenchShardStack(app, shard);
  app.synth();
  return outdir;
}

import { App, CfnCondition, CfnOutput, CfnParameter, CfnResource, Fn, Stack, Stage } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Exercises every intrinsic function the template layer resolves, in outputs whose values tests assert. */
class ProducerStack extends Stack {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const env = new CfnParameter(this, 'Env', { default: 'dev' });
    const zones = new CfnParameter(this, 'Zones', { type: 'CommaDelimitedList', default: 'x,y,z' });
    const isProd = new CfnCondition(this, 'IsProd', { expression: Fn.conditionEquals(env.valueAsString, 'prod') });
    const isDevOrTest = new CfnCondition(this, 'IsDevOrTest', {
      expression: Fn.conditionOr(Fn.conditionEquals(env.valueAsString, 'dev'), Fn.conditionEquals(env.valueAsString, 'test')),
    });
    const notProdAndDev = new CfnCondition(this, 'NotProdAndDev', {
      expression: Fn.conditionAnd(Fn.conditionNot(isProd), isDevOrTest),
    });
    const queue = new sqs.Queue(this, 'WorkQueue');
    const prodOnly = new sqs.Queue(this, 'ProdOnlyQueue');
    (prodOnly.node.defaultChild as sqs.CfnQueue).cfnOptions.condition = isProd;
    this.table = new dynamodb.TableV2(this, 'Orders', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      tableName: Fn.join('-', [this.stackName, 'orders']),
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    new iam.Role(this, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new CfnResource(this, 'Network', { type: 'AWS::EC2::VPC', properties: { CidrBlock: '10.0.0.0/16' } });

    const out = (id: string, value: string) => new CfnOutput(this, id, { value });
    new CfnOutput(this, 'QueueArnExport', { value: queue.queueArn, exportName: 'WorkQueueArn' });
    out('QueueUrl', queue.queueUrl);
    out('TableName', this.table.tableName);
    out('StreamArn', this.table.tableStreamArn!);
    out('Joined', Fn.join(':', [this.account, this.region, this.partition, this.urlSuffix]));
    const queueId = this.getLogicalId(queue.node.defaultChild as sqs.CfnQueue);
    out('SubString', Fn.sub(`\${AWS::StackName}/\${${queueId}.QueueName}/\${!Literal}`));
    out('SubWithVariables', Fn.sub('${Greeting} from ${Where}', { Greeting: 'hello', Where: env.valueAsString }));
    out('SelectSplit', Fn.select(1, Fn.split(',', 'a,b,c')));
    out('SelectParameterList', Fn.select(2, zones.valueAsList));
    out('IfValue', Fn.conditionIf(isProd.logicalId, 'big', 'small').toString());
    out('AndOrNot', Fn.conditionIf(notProdAndDev.logicalId, 'yes', 'no').toString());
    out('FirstAz', Fn.select(0, Fn.getAzs()));
    out('Encoded', Fn.base64('local'));
    new CfnOutput(this, 'ProdOnly', { value: prodOnly.queueName, condition: isProd });
  }
}

class ConsumerStack extends Stack {
  constructor(scope: Construct, id: string, props: { table: dynamodb.TableV2 }) {
    super(scope, id);
    new CfnOutput(this, 'ImportedQueueArn', { value: Fn.importValue('WorkQueueArn') });
    new CfnOutput(this, 'ReferencedTableName', { value: props.table.tableName });
  }
}

/**
 * Synthesizes a Stage "Dev" with a producer and a consumer stack into `outdir` and returns the folder.
 *
 * @example
 * const cdkOut = synthIntrinsicsApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthIntrinsicsApp(outdir: string): string {
  const app = new App({ outdir });
  const stage = new Stage(app, 'Dev');
  const producer = new ProducerStack(stage, 'Producer');
  const consumer = new ConsumerStack(stage, 'Consumer', { table: producer.table });
  consumer.addDependency(producer);
  app.synth();
  return outdir;
}

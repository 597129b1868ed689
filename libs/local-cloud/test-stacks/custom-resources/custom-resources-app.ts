import { CfnOutput, CustomResource, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { E2eFunction, newE2eApp } from '../e2e/service-function';

const seedHandler = fileURLToPath(new URL('./handlers/seed-table.ts', import.meta.url));

const seedFunction = (scope: Construct, environment: Record<string, string> = {}) =>
  new E2eFunction(scope, 'SeedFunction', { entry: seedHandler, serviceName: 'seeds', environment });

const seed = (scope: Construct, id: string, serviceToken: IFunction, properties: Record<string, unknown>) =>
  new CustomResource(scope, id, { serviceToken: serviceToken.functionArn, resourceType: 'Custom::Seed', properties });

/**
 * Three custom resources seeding a table, declared in the wrong order on purpose: Third (DependsOn Second)
 * comes first in the template; Second reads First's Greeting (Fn::GetAtt). Each one checks that the one
 * before it has seeded its item. Plus one backed by an SNS topic, which the local cloud does not run.
 */
class SeedsStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const table = new dynamodb.TableV2(this, 'SeedTable', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });
    const fn = seedFunction(this, { TABLE_NAME: table.tableName });
    table.grantReadWriteData(fn);
    const third = seed(this, 'Third', fn, { ItemId: 'third', Requires: 'second', Answer: 'SUCCESS' });
    const first = seed(this, 'First', fn, { ItemId: 'first', Answer: 'SUCCESS', Count: 3 });
    const second = seed(this, 'Second', fn, { ItemId: 'second', Requires: 'first', Greeting: first.getAttString('Greeting'), Answer: 'SUCCESS' });
    third.node.addDependency(second);
    new CustomResource(this, 'Notify', { serviceToken: new sns.Topic(this, 'Requests').topicArn, resourceType: 'Custom::Notify' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'FirstGreeting', { value: first.getAttString('Greeting') });
    new CfnOutput(this, 'SecondId', { value: second.ref });
  }
}

/** One custom resource whose function answers as `properties.Answer` says: FAILED, THROW or NEVER. */
class OutcomeStack extends Stack {
  constructor(scope: Construct, id: string, properties: Record<string, unknown>) {
    super(scope, id);
    seed(this, 'Seed', seedFunction(this), properties);
  }
}

/**
 * Synthesizes the custom resource test app into `outdir`, one Stage per scenario: `Seeded` (the seeding
 * stack), `Failing` (answers FAILED), `Crashing` (the function throws) and `Silent` (never answers).
 *
 * @example
 * const cdkOut = synthCustomResourcesApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 * await LocalCloud.start({ assembly: cdkOut, stage: 'Seeded', plugins: defaultPlugins() });
 */
export function synthCustomResourcesApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new SeedsStack(new Stage(app, 'Seeded'), 'Seeds');
  new OutcomeStack(new Stage(app, 'Failing'), 'Seeds', { Answer: 'FAILED', Reason: 'the seed data is invalid' });
  new OutcomeStack(new Stage(app, 'Crashing'), 'Seeds', { Answer: 'THROW', Reason: 'the seed function crashed' });
  new OutcomeStack(new Stage(app, 'Silent'), 'Seeds', { Answer: 'NEVER' });
  app.synth();
  return outdir;
}

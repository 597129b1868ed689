import { readFileSync } from 'node:fs';
import { awsSolutionsFindings, type NagFinding } from '@shop/cdk-constructs/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exported, importExercise, repoPath, resourcesOf } from '../../../src/check-kit';

type OrdersDataClass = new (scope: Construct, id: string, props: { retain: boolean }) => Construct & { table: dynamodb.ITableV2 };
type LookupClass = new (scope: Construct, id: string, props: { table: dynamodb.ITable }) => Construct;
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const FILE = 'services/orders/infra/support-order-lookup.ts';
const CONSTRUCT = 'SupportOrderLookup';

type Synthesized = { findings: NagFinding[]; stateless: Template };
let synthesized: Synthesized | undefined;

/**
 * The lookup as the shop deploys it: the orders table in a stateful stack, the function in a stateless one,
 * under cdk-nag's AWS Solutions checks (the same gate `cdk synth` runs, ADR 11).
 */
async function synthesize(): Promise<Synthesized> {
  const module = await importExercise<Record<string, unknown>>(FILE, `${FILE} is missing: run \`npm run workshop -- start 05-configuration\` first`);
  const Lookup = exported<LookupClass>(module, CONSTRUCT, `Keep exporting ${CONSTRUCT} from ${FILE}`);
  const { OrdersData } = await importExercise<{ OrdersData: OrdersDataClass }>('services/orders/infra/orders-data.ts', 'services/orders/infra/orders-data.ts is gone');
  if (synthesized) return synthesized;
  // The shop's own CDK context (weak cross-stack references, feature flags), without bundling.
  const { context } = JSON.parse(readFileSync(repoPath('infra/cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const build = () => {
    const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
    const env = { account: '123456789012', region: 'eu-west-1' };
    const data = new OrdersData(new Stack(app, 'Stateful', { env }), 'Orders', { retain: false });
    const stateless = new Stack(app, 'Stateless', { env });
    new Lookup(stateless, CONSTRUCT, { table: data.table });
    return { app, stateless };
  };
  // Two apps: a finding fails the synthesis of the app cdk-nag checks, and the template is read whatever it finds.
  const findings = awsSolutionsFindings(build().app).filter((f) => f.path.includes(`/${CONSTRUCT}/`));
  synthesized = { findings, stateless: Template.fromStack(build().stateless) };
  return synthesized;
}

function dynamoStatements(template: Template): Statement[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => [s.Action].flat().some((action) => action.startsWith('dynamodb:')));
}

describe('the support lookup has exactly the access it needs', () => {
  beforeAll(async () => {
    await synthesize().catch(() => undefined);
  });

  it('passes cdk-nag with nothing to acknowledge', async () => {
    const { findings } = await synthesize();

    const found = findings.map((f) => `${f.rule} on ${f.path.split('/').slice(2, -1).join('/')}`);
    expect(
      found,
      `cdk-nag finds ${found.length} problem(s): ${found.join('; ')}. AwsSolutions-IAM5 is a wildcard action or resource: grant the one action the handler calls instead (steps 2 and 3)`,
    ).toEqual([]);
  });

  it('may only GetItem on the orders table', async () => {
    const statements = dynamoStatements((await synthesize()).stateless);

    expect(
      statements.flatMap((s) => [s.Action].flat()).sort(),
      'The function may do more to the table than the handler does: find-order.ts only calls GetItem (GetCommand), so grant dynamodb:GetItem alone (step 3)',
    ).toEqual(['dynamodb:GetItem']);
  });

  it('on the table itself, not its indexes nor every table', async () => {
    const resources = dynamoStatements((await synthesize()).stateless).map((s) => JSON.stringify(s.Resource));

    expect(
      resources.filter((r) => r.includes('*') || !r.includes('OrdersTable')),
      "The grant names a wildcard (index/* or *): name the table's ARN, props.table.tableArn, alone (step 3)",
    ).toEqual([]);
    expect(resources.length, 'There is no grant on the orders table: the function cannot read an order (step 3)').toBeGreaterThan(0);
  });

  it('is told the table by reference, not by a hard-coded name', async () => {
    const [, fn] = resourcesOf((await synthesize()).stateless, 'AWS::Lambda::Function')[0] ?? [];
    const tableName = (fn?.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.TABLE_NAME;

    expect(
      typeof tableName,
      "TABLE_NAME is a hard-coded name: CloudFormation names the table (and each stage's differs), so pass props.table.tableName (step 4)",
    ).toBe('object');
  });
});

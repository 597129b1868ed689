import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage, stageId } from './shop-stage';
import { testApp } from './testing/test-app';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/**
 * Every resource of every stack of the prod stage but the storefront's, by logical id (ids are unique enough across
 * its stacks). The storefront's functions come from the Next.js construct and roll out behind flags, all at once
 * per stage (ADR 26): no alias to shift.
 */
function prodResources(): Resources {
  const app = testApp({ stage: 'prod', account: '123456789012', region: 'eu-west-1' });
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stage = new ShopStage(app, stageId(config.stageName), { config });
  const stacks = stage.node.children.filter(
    (child): child is Stack => child instanceof Stack && child !== stage.storefront,
  );
  return Object.assign({}, ...stacks.map((stack) => Template.fromStack(stack).toJSON().Resources as Resources));
}

/** The logical ids a CloudFormation value references (Ref and Fn::GetAtt), however deeply nested. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = [
    ...(typeof record.Ref === 'string' ? [record.Ref] : []),
    ...(Array.isArray(record['Fn::GetAtt']) ? [String(record['Fn::GetAtt'][0])] : []),
  ];
  return [...own, ...Object.values(record).flatMap(referencesIn)];
}

const ofType = (resources: Resources, type: string) =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

describe('the prod stage’s invokers', () => {
  let resources: Resources;
  const typesReferencedBy = (value: unknown) => referencesIn(value).map((id) => resources[id]?.Type);

  beforeAll(() => {
    resources = prodResources();
  }, 300_000);

  it('integrates every Lambda route of every API with a live alias, never an unqualified function', () => {
    const lambdaIntegrations = [
      ...ofType(resources, 'AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties?.IntegrationUri]),
      ...ofType(resources, 'AWS::ApiGateway::Method').map(([id, r]) => [
        id,
        (r.Properties?.Integration as { Uri?: unknown })?.Uri,
      ]),
    ].filter(([, uri]) => typesReferencedBy(uri).some((type) => type?.startsWith('AWS::Lambda::')));

    // The shop API's 9 (products 3, orders 2, invoices 1, users 3) and the payment sandbox's 7.
    expect(lambdaIntegrations).toHaveLength(16);
    for (const [id, uri] of lambdaIntegrations) {
      expect(typesReferencedBy(uri), String(id)).toEqual(['AWS::Lambda::Alias']);
    }
  });

  it('has every event source mapping invoke a live alias', () => {
    const mappings = ofType(resources, 'AWS::Lambda::EventSourceMapping');

    expect(mappings.length).toBeGreaterThan(5);
    for (const [id, mapping] of mappings) {
      expect(typesReferencedBy(mapping.Properties?.FunctionName), id).toEqual(['AWS::Lambda::Alias']);
      expect(JSON.stringify(mapping.Properties?.FunctionName), id).toMatch(/":live"\]\]\}$/);
    }
  });

  it('has no state machine task and no rule target invoke an unqualified function', () => {
    const invokers = [
      ...ofType(resources, 'AWS::StepFunctions::StateMachine').map(([id, r]) => [id, r.Properties?.DefinitionString]),
      ...ofType(resources, 'AWS::Events::Rule').map(([id, r]) => [id, r.Properties?.Targets]),
    ];
    const lambdaTasks = invokers.filter(([, value]) => typesReferencedBy(value).includes('AWS::Lambda::Alias'));

    expect(lambdaTasks.map(([id]) => id)).toEqual([expect.stringMatching(/CheckoutIntake/)]);
    for (const [id, value] of invokers) {
      expect(typesReferencedBy(value), String(id)).not.toContain('AWS::Lambda::Function');
    }
  });

  it('starts the Checkout workflow through its live alias, shifted by a canary', () => {
    const [, alias] = ofType(resources, 'AWS::StepFunctions::StateMachineAlias')[0] ?? [];
    const intake = ofType(resources, 'AWS::StepFunctions::StateMachine').find(([id]) => /CheckoutIntake/.test(id));

    expect(alias?.Properties?.DeploymentPreference).toMatchObject({ Type: 'CANARY', Percentage: 10, Interval: 5 });
    expect(typesReferencedBy(intake?.[1].Properties?.DefinitionString)).toContain(
      'AWS::StepFunctions::StateMachineAlias',
    );
  });
});

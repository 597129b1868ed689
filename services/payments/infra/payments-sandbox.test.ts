import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_CARD_DELAY } from './payments-sandbox';
import { paymentsStage } from './testing/payments-fixture';

// One synthesis for the whole file.
const { stack, sandbox } = paymentsStage();
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);

/** The IAM actions a function's role may perform, by the logical id of the resource they apply to. */
function actionsOf(fn: keyof typeof sandbox.functions): Record<string, string[]> {
  const roleId = logicalId(sandbox.functions[fn].role as never);
  const policy = Object.values(resources).find(
    (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  const statements = (
    policy?.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }
  ).Statement;
  const byResource: Record<string, string[]> = {};
  for (const statement of statements) {
    const target = JSON.stringify(statement.Resource).match(/"(?:Ref|Fn::GetAtt)":\[?"([A-Za-z0-9]+)"/)?.[1] ?? 'other';
    byResource[target] = [...(byResource[target] ?? []), ...[statement.Action].flat()].sort();
  }
  return byResource;
}

describe('PaymentsSandbox', () => {
  it('serves the seven routes through its own HTTP API, with no API Gateway authorizer', () => {
    const routes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');

    expect(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]).sort()).toEqual([
      ['GET /v1/authorizations/{id}', 'NONE'],
      ['GET /v1/tokens/{id}', 'NONE'],
      ['POST /v1/authorizations', 'NONE'],
      ['POST /v1/authorizations/{id}/capture', 'NONE'],
      ['POST /v1/authorizations/{id}/refund', 'NONE'],
      ['POST /v1/authorizations/{id}/void', 'NONE'],
      ['POST /v1/tokens', 'NONE'],
    ]);
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('deploys one throttled $default stage with access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
    });
  });

  it('has Secrets Manager generate a 40-character API key without punctuation', () => {
    expect(resources[logicalId(sandbox.apiKeySecret)]?.Properties.GenerateSecretString).toEqual({
      ExcludePunctuation: true,
      PasswordLength: 40,
    });
  });

  it('keys its tables by id and expires tokens and idempotency records by their expiration attribute', () => {
    const [authorizations, tokens, idempotency] = [
      sandbox.authorizationsTable,
      sandbox.tokensTable,
      sandbox.idempotencyTable,
    ].map((table) => resources[logicalId(table)]?.Properties);

    for (const table of [authorizations, tokens, idempotency]) {
      expect(table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    }
    expect(authorizations?.TimeToLiveSpecification).toBeUndefined();
    expect(tokens?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiration', Enabled: true });
    expect(idempotency?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiration', Enabled: true });
  });

  it('lets the authorize function outlast the timeout card, and alarms on duration only beyond that wait', () => {
    const authorize = resources[logicalId(sandbox.functions.authorize)]?.Properties;
    const durationAlarm = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        r.Properties.MetricName === 'Duration' &&
        JSON.stringify(r.Properties.Dimensions).includes(logicalId(sandbox.functions.authorize)),
    );

    expect(authorize?.Timeout).toBe(45);
    expect(authorize?.Environment).toMatchObject({ Variables: { TIMEOUT_CARD_DELAY_MS: '35000' } });
    expect(durationAlarm?.Properties.Threshold).toBeGreaterThan(DEFAULT_TIMEOUT_CARD_DELAY.toMilliseconds());
    expect(durationAlarm?.Properties.Threshold).toBeLessThan(45_000);
  });

  it('keeps every other function on the paved-path timeout, well under the API’s 30 seconds', () => {
    const others = (['tokenize', 'getToken', 'capture', 'void', 'refund', 'getAuthorization'] as const).map(
      (fn) => resources[logicalId(sandbox.functions[fn])]?.Properties.Timeout,
    );

    expect(others).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('gives each function the table actions its handler uses and the secret, nothing more', () => {
    const authorizations = logicalId(sandbox.authorizationsTable);
    const tokens = logicalId(sandbox.tokensTable);
    const idempotency = logicalId(sandbox.idempotencyTable);
    const secret = logicalId(sandbox.apiKeySecret);
    const idempotencyActions = ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
    const secretActions = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];
    const logActions = ['logs:CreateLogStream', 'logs:PutLogEvents'];
    const logGroup = (fn: keyof typeof sandbox.functions) => logicalId(sandbox.functions[fn].serviceLogGroup);

    expect(actionsOf('tokenize')).toEqual({
      [tokens]: ['dynamodb:PutItem'],
      [idempotency]: idempotencyActions,
      [secret]: secretActions,
      [logGroup('tokenize')]: logActions,
    });
    expect(actionsOf('getToken')).toEqual({
      [tokens]: ['dynamodb:GetItem'],
      [secret]: secretActions,
      [logGroup('getToken')]: logActions,
    });
    expect(actionsOf('authorize')).toEqual({
      [authorizations]: ['dynamodb:PutItem'],
      [tokens]: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      [idempotency]: idempotencyActions,
      [secret]: secretActions,
      [logGroup('authorize')]: logActions,
    });
    expect(actionsOf('refund')).toEqual({
      [authorizations]: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      [idempotency]: idempotencyActions,
      [secret]: secretActions,
      [logGroup('refund')]: logActions,
    });
    expect(actionsOf('getAuthorization')).toEqual({
      [authorizations]: ['dynamodb:GetItem'],
      [secret]: secretActions,
      [logGroup('getAuthorization')]: logActions,
    });
  });

  it('tells every function where the token vault is', () => {
    const functions = Object.values(sandbox.functions).map((fn) => resources[logicalId(fn)]?.Properties);

    expect(functions.map((fn) => fn?.Environment)).toEqual(
      functions.map(() => ({
        Variables: expect.objectContaining({ TOKENS_TABLE_NAME: { Ref: logicalId(sandbox.tokensTable) } }),
      })),
    );
  });

  it('raises errors, throttles and duration alarms for each of its seven functions', () => {
    expect(sandbox.alarms).toHaveLength(21);
    // And the errors and duration alarms of each function's live alias, which roll a release back.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 21 + 7 * 2);
  });

  it('takes a shorter timeout card wait, for a local cloud that should not wait 35 seconds', () => {
    const { stack: quick, sandbox: quickSandbox } = paymentsStage({ timeoutCardDelay: Duration.seconds(2) });
    const quickStack = Template.fromStack(quick).toJSON().Resources as typeof resources;

    const authorize =
      quickStack[quick.getLogicalId(quickSandbox.functions.authorize.node.defaultChild as never)]?.Properties;

    expect(authorize?.Timeout).toBe(12);
    expect(authorize?.Environment).toMatchObject({ Variables: { TIMEOUT_CARD_DELAY_MS: '2000' } });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceFunction, type ServiceFunctionProps } from './service-function';
import { acknowledgments, awsSolutionsFindings } from './testing';

const FIXTURE = join(import.meta.dirname, 'test-fixtures', 'put-event-handler.ts');

function synth(props: Partial<ServiceFunctionProps> = {}) {
  const app = new App();
  const stack = new Stack(app, 'TestStack');
  const fn = new ServiceFunction(stack, 'PlaceOrderFunction', { entry: FIXTURE, serviceName: 'orders', ...props });
  return { app, stack, fn, template: Template.fromStack(stack) };
}

describe('ServiceFunction with its defaults', () => {
  let template: Template;
  let app: App;

  beforeAll(() => {
    ({ template, app } = synth());
  });

  it('runs on Node.js 24 on arm64 with 256 MB and a 10 s timeout', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 10,
      Handler: 'index.handler',
    });
  });

  it('traces actively with X-Ray and may write trace segments', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyName: 'Tracing',
          PolicyDocument: {
            Statement: [{ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }],
          },
        },
      ],
    });
  });

  it('sets the Powertools environment and source maps', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'orders',
          POWERTOOLS_METRICS_NAMESPACE: 'Shop',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('logs JSON into its own log group kept for one month', () => {
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];

    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', LogGroup: { Ref: logGroupId } },
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Delete' });
  });

  it('may write only to its own log group and uses no managed policy', () => {
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('leaves concurrency unreserved and sets no physical names', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: Match.absent(),
      FunctionName: Match.absent(),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.absent() });
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: Match.absent() });
  });

  describe('its bundle', () => {
    let bundle: string;
    let assetDir: string;

    beforeAll(() => {
      const code = Object.values(template.findResources('AWS::Lambda::Function'))[0]?.Properties.Code;
      const assetHash = String(code.S3Key).replace(/\.zip$/, '');
      assetDir = join(app.synth().directory, `asset.${assetHash}`);
      bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    });

    it('is an ESM file that can still require() CommonJS dependencies', () => {
      const banner = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

      expect(bundle.startsWith(banner)).toBe(true);
    });

    it('includes the SDK client the handler imports and leaves out the ones it does not', () => {
      // Booleans, not toContain: a failure would otherwise print the whole bundle.
      expect(bundle.includes('"PutEvents"')).toBe(true);
      expect(bundle.includes('DynamoDB_20120810')).toBe(false);
      expect(/from\s*"@aws-sdk\//.test(bundle)).toBe(false);
    });

    it('is minified and ships its source map', () => {
      expect(bundle.includes('client.send(')).toBe(false);
      expect(bundle.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    });
  });
});

describe('ServiceFunction with overrides', () => {
  it('applies memory, timeout, reserved concurrency and log level from props', () => {
    const { template } = synth({
      memorySize: 1024,
      timeout: Duration.seconds(3),
      reservedConcurrentExecutions: 5,
      logLevel: 'DEBUG',
    });

    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 3,
      ReservedConcurrentExecutions: 5,
      LoggingConfig: Match.objectLike({ ApplicationLogLevel: 'DEBUG' }),
      Environment: { Variables: Match.objectLike({ POWERTOOLS_LOG_LEVEL: 'DEBUG' }) },
    });
  });

  it('keeps the Powertools variables even when the caller passes its own', () => {
    const { template } = synth({
      metricsNamespace: 'ShopTest',
      environment: { ORDERS_TABLE_NAME: 'orders-table', POWERTOOLS_SERVICE_NAME: 'not-orders' },
    });

    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          ORDERS_TABLE_NAME: 'orders-table',
          POWERTOOLS_SERVICE_NAME: 'orders',
          POWERTOOLS_METRICS_NAMESPACE: 'ShopTest',
        }),
      },
    });
  });

  it('applies log retention and removal policy from props', () => {
    const { template } = synth({
      logRetention: logs.RetentionDays.ONE_YEAR,
      logRemovalPolicy: RemovalPolicy.RETAIN,
    });

    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain' });
  });
});

describe('ServiceFunction under cdk-nag', () => {
  function anAppWithAFunction() {
    const app = new App();
    const stack = new Stack(app, 'TestStack');
    const fn = new ServiceFunction(stack, 'PlaceOrderFunction', { entry: FIXTURE, serviceName: 'orders' });
    return { app, stack, fn };
  }

  it('acknowledges only the X-Ray wildcard, on the role resource that carries it', () => {
    const { stack } = anAppWithAFunction();

    expect(acknowledgments(stack)).toEqual([
      {
        path: 'TestStack/PlaceOrderFunctionRole/Resource',
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: expect.stringContaining('xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level'),
      },
    ]);
  });

  it('passes the AWS Solutions checks', () => {
    const { app } = anAppWithAFunction();

    expect(awsSolutionsFindings(app)).toEqual([]);
  });

  it('still reports a wildcard that a later grant adds, despite the X-Ray acknowledgment', () => {
    const { app, fn } = anAppWithAFunction();
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));

    const findings = awsSolutionsFindings(app);

    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'AwsSolutions-IAM5[Resource::*] TestStack/PlaceOrderFunctionRole/DefaultPolicy/Resource',
    ]);
  });
});

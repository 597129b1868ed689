import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { CANARY_RUNTIME_REASON, StorefrontCanary } from './storefront-canary';

function aCanary() {
  const app = new App();
  const stage = new Stage(app, 'Prod', { env: { account: '123456789012', region: 'eu-west-1' } });
  const stack = new Stack(stage, 'Stateless');
  const customerSecret = new secretsmanager.Secret(stack, 'CanaryCustomer');
  const canary = new StorefrontCanary(stack, 'StorefrontCanary', {
    storefrontUrl: 'https://shop.example.com/',
    customerSecret,
  });
  return { app, stage, stack, canary, customerSecret, template: () => Template.fromStack(stack) };
}

describe('StorefrontCanary', () => {
  it('runs the checkout script on the Puppeteer runtime every five minutes, against the storefront', () => {
    const { template, stack, customerSecret } = aCanary();

    template().hasResourceProperties('AWS::Synthetics::Canary', {
      RuntimeVersion: 'syn-nodejs-puppeteer-13.0',
      Code: Match.objectLike({ Handler: 'storefront-checkout.handler' }),
      Schedule: Match.objectLike({ Expression: 'rate(5 minutes)' }),
      StartCanaryAfterCreation: true,
      RunConfig: Match.objectLike({
        EnvironmentVariables: {
          STOREFRONT_URL: 'https://shop.example.com',
          CUSTOMER_SECRET_ARN: stack.resolve(customerSecret.secretArn),
        },
      }),
    });
  });

  it('signs in, adds to the cart, pays with the approving test card and waits for the confirmation', () => {
    const script = readFileSync(fileURLToPath(new URL('./canary/storefront-checkout.js', import.meta.url)), 'utf8');

    const steps = [...script.matchAll(/executeStep\('(\w+)'/g)].map((m) => m[1]);

    expect(steps).toEqual(['SignIn', 'AddToCart', 'PlaceOrder', 'OrderConfirmed']);
    expect(script).toContain("'4242 4242 4242 4242'");
  });

  it('alarms when a run fails, or when the canary does not run at all', () => {
    const { template } = aCanary();

    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'CloudWatchSynthetics',
      MetricName: 'SuccessPercent',
      Threshold: 100,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('lets its role read only its customer secret, and write only its own artifacts and logs', () => {
    const { template } = aCanary();

    const statements = Object.values(template().findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[],
    );

    expect(statements.map((s) => s.Action)).toEqual([
      ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      's3:PutObject',
      's3:GetBucketLocation',
      's3:ListAllMyBuckets',
      'cloudwatch:PutMetricData',
      ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    expect(JSON.stringify(statements[5]?.Resource)).toMatch(/log-group:\/aws\/lambda\/cwsyn-[a-z0-9_-]+-\*/);
  });

  it('passes the AWS Solutions checks, acknowledging only what Synthetics requires, with reasons', () => {
    const { app, stage, stack } = aCanary();

    const findings = awsSolutionsFindings(app, stage).filter((f) => !f.path.includes('/CanaryCustomer/'));

    expect(findings).toEqual([]);
    const acks = acknowledgments(stack);
    expect(new Set(acks.map((a) => a.id.replace(/\[.*$/, '')))).toEqual(
      new Set(['AwsSolutions::AwsSolutions-IAM5', 'AwsSolutions::AwsSolutions-S1']),
    );
    expect(acks.filter((a) => a.id.includes('IAM5')).every((a) => a.reason === CANARY_RUNTIME_REASON)).toBe(true);
  });
});

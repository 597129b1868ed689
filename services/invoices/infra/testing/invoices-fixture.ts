import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { InvoicesData } from '../invoices-data';
import { InvoicesService, type InvoicesServiceProps } from '../invoices-service';

// The app's own cdk.json, so tests synthesize with its feature flags (weak cross-stack references above all).
const CDK_JSON = fileURLToPath(new URL('../../../../infra/cdk.json', import.meta.url));

/** @internal */
export interface FixtureOptions {
  readonly withAlarmTopic?: boolean;
  /** @default 'canary' */
  readonly rollout?: InvoicesServiceProps['rollout'];
  readonly logLevel?: InvoicesServiceProps['logLevel'];
  /** Run esbuild on every handler, as `cdk synth` does. @default false: assets are placeholders, synth is fast */
  readonly bundle?: boolean;
  /** Where to write the cloud assembly. @default - a temporary folder */
  readonly outdir?: string;
}

/**
 * @internal A stage shaped like the real one: InvoicesData, the bus and the user pool in a stateful stack; the
 * HTTP API with a Cognito JWT authorizer and InvoicesService in a stateless stack.
 */
export function invoicesStage(options: FixtureOptions = {}) {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  // CDK's own switch: an empty list of bundling stacks stages placeholder assets instead of running esbuild.
  const app = new App({
    context: options.bundle ? context : { ...context, 'aws:cdk:bundling-stacks': [] },
    outdir: options.outdir,
  });
  const stage = new Stage(app, 'Test');
  const stateful = new Stack(stage, 'Stateful');
  const data = new InvoicesData(stateful, 'InvoicesData', { retain: false });
  const bus = new events.EventBus(stateful, 'EventBus');
  const userPool = new cognito.UserPool(stateful, 'UserPool');
  const stateless = new Stack(stage, 'Stateless');
  const httpApi = new apigwv2.HttpApi(stateless, 'HttpApi');
  const service = new InvoicesService(stateless, 'Invoices', {
    table: data.table,
    idempotencyTable: data.idempotencyTable,
    bucket: data.bucket,
    bus,
    stageName: 'test',
    httpApi,
    jwtAuthorizer: new HttpUserPoolAuthorizer('JwtAuthorizer', userPool),
    rollout: options.rollout ?? 'canary',
    logLevel: options.logLevel,
    alarmTopic: options.withAlarmTopic ? new sns.Topic(stateless, 'AlarmTopic', { enforceSSL: true }) : undefined,
  });
  return { app, stage, stateful, stateless, data, bus, userPool, httpApi, service };
}

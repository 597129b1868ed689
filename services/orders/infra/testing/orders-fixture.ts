import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as appconfig from 'aws-cdk-lib/aws-appconfig';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { OrdersData } from '../orders-data';
import { OrdersService, type OrdersServiceProps } from '../orders-service';

// The app's own cdk.json, so tests synthesize with its feature flags (weak cross-stack references above all).
const CDK_JSON = fileURLToPath(new URL('../../../../infra/cdk.json', import.meta.url));

/** @internal */
export interface FixtureOptions {
  readonly withAlarmTopic?: boolean;
  /** @default 'canary' */
  readonly rollout?: OrdersServiceProps['rollout'];
  readonly logLevel?: OrdersServiceProps['logLevel'];
  readonly allowedOrigins?: readonly string[];
  /** Run esbuild on every handler, as `cdk synth` does. @default false: assets are placeholders, synth is fast */
  readonly bundle?: boolean;
}

/**
 * @internal A stage shaped like the real one: OrdersData, the bus, the user pool and the feature flags in a
 * stateful stack; a payment sandbox stand-in (an API and its key secret) in its own stack; the HTTP API with a
 * Cognito JWT authorizer and OrdersService in a stateless stack.
 */
export function ordersStage(options: FixtureOptions = {}) {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  // CDK's own switch: an empty list of bundling stacks stages placeholder assets instead of running esbuild.
  const app = new App({ context: options.bundle ? context : { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stage = new Stage(app, 'Test');
  const stateful = new Stack(stage, 'Stateful');
  const data = new OrdersData(stateful, 'OrdersData', { retain: false });
  const bus = new events.EventBus(stateful, 'EventBus');
  const userPool = new cognito.UserPool(stateful, 'UserPool');
  const flags = featureFlags(stateful);
  const paymentsStack = new Stack(stage, 'Payments');
  const paymentsApi = new apigwv2.HttpApi(paymentsStack, 'PaymentsApi');
  const apiKeySecret = new secretsmanager.Secret(paymentsStack, 'ApiKeySecret');
  const stateless = new Stack(stage, 'Stateless');
  const httpApi = new apigwv2.HttpApi(stateless, 'HttpApi');
  const service = new OrdersService(stateless, 'Orders', {
    table: data.table,
    idempotencyTable: data.idempotencyTable,
    bus,
    stageName: 'test',
    httpApi,
    jwtAuthorizer: new HttpUserPoolAuthorizer('CognitoJwt', userPool),
    userPool,
    payments: { url: paymentsApi.apiEndpoint, apiKeySecret },
    flags,
    allowedOrigins: options.allowedOrigins,
    rollout: options.rollout ?? 'canary',
    logLevel: options.logLevel,
    alarmTopic: options.withAlarmTopic ? new sns.Topic(stateless, 'AlarmTopic', { enforceSSL: true }) : undefined,
  });
  return { app, stage, stateful, paymentsStack, stateless, data, bus, userPool, httpApi, apiKeySecret, service };
}

function featureFlags(scope: Stack) {
  const application = new appconfig.CfnApplication(scope, 'FlagsApplication', { name: 'shop-test' });
  const environment = new appconfig.CfnEnvironment(scope, 'FlagsEnvironment', {
    applicationId: application.ref,
    name: 'test',
  });
  const profile = new appconfig.CfnConfigurationProfile(scope, 'FlagsProfile', {
    applicationId: application.ref,
    name: 'feature-flags',
    locationUri: 'hosted',
    type: 'AWS.AppConfig.FeatureFlags',
  });
  return { applicationId: application.ref, environmentId: environment.ref, configurationProfileId: profile.ref };
}

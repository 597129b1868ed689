import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ProductsData } from '../products-data';
import { ProductsService, type ProductsServiceProps } from '../products-service';

// The app's own cdk.json, so tests synthesize with its feature flags (weak cross-stack references above all).
const CDK_JSON = fileURLToPath(new URL('../../../../infra/cdk.json', import.meta.url));

/** @internal */
export interface FixtureOptions {
  readonly seedCatalog?: boolean;
  /** @default 'canary' */
  readonly rollout?: ProductsServiceProps['rollout'];
  readonly withAlarmTopic?: boolean;
  readonly logLevel?: ProductsServiceProps['logLevel'];
  /** Run esbuild on every handler, as `cdk synth` does. @default false: assets are placeholders, synth is fast */
  readonly bundle?: boolean;
}

/**
 * @internal A stage shaped like the real one: ProductsData, the bus and the user pool in a stateful stack; the
 * HTTP API with a Cognito JWT authorizer and ProductsService in a stateless stack.
 */
export function productsStage(options: FixtureOptions = {}) {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  // CDK's own switch: an empty list of bundling stacks stages placeholder assets instead of running esbuild.
  const app = new App({ context: options.bundle ? context : { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stage = new Stage(app, 'Test');
  const stateful = new Stack(stage, 'Stateful');
  const data = new ProductsData(stateful, 'ProductsData', { retain: false });
  const bus = new events.EventBus(stateful, 'EventBus');
  const userPool = new cognito.UserPool(stateful, 'UserPool');
  const stateless = new Stack(stage, 'Stateless');
  const httpApi = new apigwv2.HttpApi(stateless, 'HttpApi');
  const service = new ProductsService(stateless, 'Products', {
    table: data.table,
    idempotencyTable: data.idempotencyTable,
    imagesBucket: data.imagesBucket,
    bus,
    stageName: 'test',
    httpApi,
    adminAuthorizer: new HttpUserPoolAuthorizer('AdminAuthorizer', userPool),
    seedCatalog: options.seedCatalog ?? true,
    rollout: options.rollout ?? 'canary',
    logLevel: options.logLevel,
    alarmTopic: options.withAlarmTopic ? new sns.Topic(stateless, 'AlarmTopic', { enforceSSL: true }) : undefined,
  });
  return { app, stage, stateful, stateless, data, bus, userPool, httpApi, service };
}

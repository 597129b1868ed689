import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { UsersData } from '../users-data';
import { UsersIdentity } from '../users-identity';
import { UsersService } from '../users-service';

// The app's own cdk.json, so tests synthesize with its feature flags (weak cross-stack references above all).
const CDK_JSON = fileURLToPath(new URL('../../../../infra/cdk.json', import.meta.url));

/** @internal */
export interface FixtureOptions {
  readonly retain?: boolean;
  readonly withAlarmTopic?: boolean;
  /** @default 'canary' */
  readonly rollout?: 'canary' | 'all-at-once';
  /** Run esbuild on every handler, as `cdk synth` does. @default false: assets are placeholders, synth is fast */
  readonly bundle?: boolean;
  /** Where `app.synth()` writes the cloud assembly. @default - a temporary folder */
  readonly outdir?: string;
  /** More app clients whose tokens the API accepts, besides the storefront's. */
  readonly moreApiClients?: (userPool: cognito.UserPool) => cognito.IUserPoolClient[];
}

/**
 * @internal A stage shaped like the real one: the bus, UsersData and UsersIdentity in a stateful stack; the HTTP
 * API with a Cognito JWT authorizer for the storefront client, and UsersService, in a stateless stack.
 */
export function usersStage(options: FixtureOptions = {}) {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  // CDK's own switch: an empty list of bundling stacks stages placeholder assets instead of running esbuild.
  const app = new App({
    context: options.bundle ? context : { ...context, 'aws:cdk:bundling-stacks': [] },
    ...(options.outdir !== undefined && { outdir: options.outdir }),
  });
  const stage = new Stage(app, 'Test');
  const stateful = new Stack(stage, 'Stateful');
  const bus = new events.EventBus(stateful, 'EventBus');
  const data = new UsersData(stateful, 'Users', { retain: options.retain ?? false });
  const alarmTopic = (stack: Stack) =>
    options.withAlarmTopic ? new sns.Topic(stack, 'AlarmTopic', { enforceSSL: true }) : undefined;
  const identity = new UsersIdentity(stateful, 'Identity', {
    retain: options.retain ?? false,
    table: data.table,
    bus,
    stageName: 'test',
    alarmTopic: alarmTopic(stateful),
  });
  const stateless = new Stack(stage, 'Stateless');
  const httpApi = new apigwv2.HttpApi(stateless, 'HttpApi');
  const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoJwt', identity.userPool, {
    userPoolClients: [identity.storefrontClient, ...(options.moreApiClients?.(identity.userPool) ?? [])],
  });
  const service = new UsersService(stateless, 'Users', {
    table: data.table,
    userPool: identity.userPool,
    bus,
    stageName: 'test',
    httpApi,
    jwtAuthorizer,
    rollout: options.rollout ?? 'canary',
    alarmTopic: alarmTopic(stateless),
  });
  return { app, stage, stateful, stateless, data, identity, bus, httpApi, service };
}

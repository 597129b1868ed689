import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfigDataClient } from '@aws-sdk/client-appconfigdata';
import type { JsonObject, ResolvedResource } from '../core/contracts';
import { silentLogger } from '../core/logger';
import { makeAppConfigAdminRoute } from './api/admin-route';
import { makeAppConfigEndpoint } from './api/data-endpoint';
import { AppConfigStore } from './engine/config-store';
import { ConfigurationSessions } from './engine/configuration-sessions';
import { loadAppConfig } from './model/load';

export const TEST_REGION = 'us-east-1';

/** The feature flags a test stack hosts: checkout on with a limit, reviews off. @internal */
export const FLAGS_DOCUMENT = {
  version: '1',
  flags: {
    checkout: { name: 'New checkout', attributes: { limit: { constraints: { type: 'number', minimum: 1 } } } },
    reviews: { name: 'Product reviews' },
  },
  values: { checkout: { enabled: true, limit: 5 }, reviews: { enabled: false } },
};

function resource(type: string, logicalId: string, properties: JsonObject): ResolvedResource {
  // Refs as the template resolves a type without a naming rule: a generated name, stable per logical id.
  return { stackName: 'Shop-Flags', logicalId, type, ref: `Shop-Flags-${logicalId}-ABC123`, physicalName: logicalId, attributes: {}, properties };
}

/**
 * The resources CDK's HostedConfiguration synthesizes (application `shop`, environments `dev` and `prod`,
 * feature-flags profile `flags`, version 1 deployed to both), resolved. @internal
 */
export function flagResources(document: JsonObject = FLAGS_DOCUMENT): ResolvedResource[] {
  const app = resource('AWS::AppConfig::Application', 'App', { Name: 'shop' });
  const dev = resource('AWS::AppConfig::Environment', 'Dev', { ApplicationId: app.ref, Name: 'dev' });
  const prod = resource('AWS::AppConfig::Environment', 'Prod', { ApplicationId: app.ref, Name: 'prod' });
  const profile = resource('AWS::AppConfig::ConfigurationProfile', 'FlagsProfile', { ApplicationId: app.ref, LocationUri: 'hosted', Name: 'flags', Type: 'AWS.AppConfig.FeatureFlags' });
  const version = resource('AWS::AppConfig::HostedConfigurationVersion', 'Flags', { ApplicationId: app.ref, ConfigurationProfileId: profile.ref, Content: JSON.stringify(document), ContentType: 'application/json' });
  const strategy = resource('AWS::AppConfig::DeploymentStrategy', 'Now', { DeploymentDurationInMinutes: 0, FinalBakeTimeInMinutes: 10, GrowthFactor: 100, Name: 'now', ReplicateTo: 'NONE' });
  const deploy = (env: ResolvedResource) =>
    resource('AWS::AppConfig::Deployment', `Deploy${env.logicalId}`, { ApplicationId: app.ref, ConfigurationProfileId: profile.ref, ConfigurationVersion: version.ref, DeploymentStrategyId: strategy.ref, EnvironmentId: env.ref });
  return [app, dev, prod, profile, version, strategy, deploy(dev), deploy(prod)];
}

export interface LocalAppConfig {
  readonly store: AppConfigStore;
  readonly endpoint: string;
  readonly client: AppConfigDataClient;
  close(): Promise<void>;
}

/**
 * The AppConfig endpoint and admin route behind a tiny HTTP server on an ephemeral 127.0.0.1 port, with the
 * real AppConfig Data client pointed at it: what the gateway in src/core does, minus routing. @internal
 */
export async function startLocalAppConfig(resources: ResolvedResource[] = flagResources()): Promise<LocalAppConfig> {
  const store = new AppConfigStore();
  loadAppConfig(store, resources);
  const endpointHandler = makeAppConfigEndpoint(store, new ConfigurationSessions(store), silentLogger);
  const admin = makeAppConfigAdminRoute(store);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.startsWith('/_local/appconfig')) return void admin(req, res, url);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void endpointHandler.handle(req, res, Buffer.concat(chunks)));
  });
  const endpoint = await listen(server);
  const client = new AppConfigDataClient({ endpoint, region: TEST_REGION, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
  return {
    store,
    endpoint,
    client,
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Changes a flag through the admin interface, as the console does. @internal */
export async function changeFlag(endpoint: string, path: { app: string; env: string; profile: string; flag: string }, change: JsonObject): Promise<Response> {
  const url = `${endpoint}/_local/appconfig/applications/${path.app}/environments/${path.env}/configurations/${path.profile}/flags/${path.flag}`;
  return fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

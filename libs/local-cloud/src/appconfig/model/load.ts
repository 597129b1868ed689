import type { JsonObject, ResolvedResource } from '../../core/contracts';
import type { AppConfigStore } from '../engine/config-store';
import { FEATURE_FLAGS } from '../engine/config-store';
import { parseFlagsDocument } from '../engine/feature-flags';
import { InvalidAppConfigResourceError } from '../errors';

/** The CloudFormation types the AppConfig service emulates. */
export const APPCONFIG_RESOURCE_TYPES = [
  'AWS::AppConfig::Application',
  'AWS::AppConfig::Environment',
  'AWS::AppConfig::ConfigurationProfile',
  'AWS::AppConfig::HostedConfigurationVersion',
  'AWS::AppConfig::DeploymentStrategy',
  'AWS::AppConfig::Deployment',
] as const;

/**
 * Loads applications, environments, profiles, hosted versions (numbered per profile in template order, as
 * CloudFormation creates them) and deployments. Deployment strategies are accepted: every deployment is
 * immediate locally. A feature-flags version whose document AppConfig would reject fails the start.
 *
 * @example
 * loadAppConfig(store, ctx.resources);
 */
export function loadAppConfig(store: AppConfigStore, resources: readonly ResolvedResource[]): void {
  const ofType = (type: string) => resources.filter((resource) => resource.type === type);
  for (const r of ofType('AWS::AppConfig::Application')) store.addApplication({ id: r.ref, name: text(r.properties, 'Name') ?? r.ref });
  for (const r of ofType('AWS::AppConfig::Environment')) store.addEnvironment({ id: r.ref, applicationId: required(r, 'ApplicationId'), name: text(r.properties, 'Name') ?? r.ref });
  const profileTypes = new Map<string, string>();
  for (const r of ofType('AWS::AppConfig::ConfigurationProfile')) {
    const type = text(r.properties, 'Type') ?? 'AWS.Freeform';
    profileTypes.set(r.ref, type);
    store.addProfile({ id: r.ref, applicationId: required(r, 'ApplicationId'), name: text(r.properties, 'Name') ?? r.ref, type });
  }
  // A deployment names its version by the version resource's Ref (or its VersionNumber): remember both.
  const versionByRef = new Map<string, { profileId: string; versionNumber: number }>();
  for (const r of ofType('AWS::AppConfig::HostedConfigurationVersion')) {
    const profileId = required(r, 'ConfigurationProfileId');
    const content = required(r, 'Content');
    if (profileTypes.get(profileId) === FEATURE_FLAGS) guard(r, () => parseFlagsDocument(content));
    const version = store.addVersion(profileId, { content, contentType: text(r.properties, 'ContentType') ?? 'application/json', versionLabel: text(r.properties, 'VersionLabel') });
    for (const key of [r.ref, r.attributes.VersionNumber]) if (key) versionByRef.set(key, version);
  }
  for (const r of ofType('AWS::AppConfig::Deployment')) {
    const profileId = required(r, 'ConfigurationProfileId');
    const reference = required(r, 'ConfigurationVersion');
    const versionNumber = versionByRef.get(reference)?.versionNumber ?? Number(reference);
    guard(r, () => store.deploy(required(r, 'EnvironmentId'), profileId, versionNumber));
  }
}

function text(properties: JsonObject, name: string): string | undefined {
  const value = properties[name];
  return typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;
}

function required(resource: ResolvedResource, name: string): string {
  const value = text(resource.properties, name);
  if (value === undefined) throw new InvalidAppConfigResourceError(`${resource.stackName}/${resource.logicalId} (${resource.type}) has no ${name}`);
  return value;
}

function guard(resource: ResolvedResource, load: () => unknown): void {
  try {
    load();
  } catch (err) {
    throw new InvalidAppConfigResourceError(`${resource.stackName}/${resource.logicalId} (${resource.type}): ${(err as Error).message}`, { cause: err });
  }
}

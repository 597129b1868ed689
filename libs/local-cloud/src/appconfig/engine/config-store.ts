import { AppConfigApiError, FlagChangeError } from '../errors';
import { evaluateFlags, parseFlagsDocument, withFlagChange, type EvaluatedFlag, type FlagChange } from './feature-flags';

export const FEATURE_FLAGS = 'AWS.AppConfig.FeatureFlags';

export interface Application {
  readonly id: string;
  readonly name: string;
}
export interface Environment {
  readonly id: string;
  readonly applicationId: string;
  readonly name: string;
}
export interface Profile {
  readonly id: string;
  readonly applicationId: string;
  readonly name: string;
  /** 'AWS.AppConfig.FeatureFlags' or 'AWS.Freeform'. */
  readonly type: string;
}
export interface HostedVersion {
  readonly profileId: string;
  readonly versionNumber: number;
  readonly content: string;
  readonly contentType: string;
  readonly versionLabel?: string;
}
/** What a deployment left in an environment; `deploymentNumber` tells a poller whether anything changed. */
export interface Deployed {
  readonly version: HostedVersion;
  readonly deploymentNumber: number;
}
export interface Target {
  readonly application: Application;
  readonly environment: Environment;
  readonly profile: Profile;
}

/**
 * Applications, environments, configuration profiles, their hosted versions and what each environment has
 * deployed. Deployments take effect at once (no rollout, no bake time). Identifiers are ids or names.
 *
 * @example
 * const target = store.resolve('shop', 'dev', 'flags');
 * store.deployed(target)?.version.content;
 */
export class AppConfigStore {
  private readonly applications = new Map<string, Application>();
  private readonly environments = new Map<string, Environment>();
  private readonly profiles = new Map<string, Profile>();
  private readonly versions = new Map<string, HostedVersion[]>();
  private readonly deployments = new Map<string, Deployed>();
  private deploymentCount = 0;

  addApplication(application: Application): void {
    this.applications.set(application.id, application);
  }

  addEnvironment(environment: Environment): void {
    this.environments.set(environment.id, environment);
  }

  addProfile(profile: Profile): void {
    this.profiles.set(profile.id, profile);
  }

  /** A new hosted version of a profile, numbered after its latest (1, 2, 3...). */
  addVersion(profileId: string, content: { content: string; contentType: string; versionLabel?: string }): HostedVersion {
    const list = this.versions.get(profileId) ?? [];
    const version = { profileId, versionNumber: (list.at(-1)?.versionNumber ?? 0) + 1, ...content };
    this.versions.set(profileId, [...list, version]);
    return version;
  }

  version(profileId: string, versionNumber: number): HostedVersion | undefined {
    return this.versions.get(profileId)?.find((version) => version.versionNumber === versionNumber);
  }

  deploy(environmentId: string, profileId: string, versionNumber: number): void {
    const version = this.version(profileId, versionNumber);
    if (!version) throw new AppConfigApiError('ResourceNotFoundException', 404, `Configuration version ${versionNumber} of profile ${profileId} not found`, { ResourceType: 'HostedConfigurationVersion' });
    this.deploymentCount += 1;
    this.deployments.set(`${environmentId}/${profileId}`, { version, deploymentNumber: this.deploymentCount });
  }

  deployed(target: Target): Deployed | undefined {
    return this.deployments.get(`${target.environment.id}/${target.profile.id}`);
  }

  /** The application, environment and profile named (by id or name), or ResourceNotFoundException. */
  resolve(applicationIdentifier: string, environmentIdentifier: string, profileIdentifier: string): Target {
    const application = find(this.applications.values(), applicationIdentifier, () => true);
    if (!application) throw notFound('Application', applicationIdentifier);
    const environment = find(this.environments.values(), environmentIdentifier, (e) => e.applicationId === application.id);
    if (!environment) throw notFound('Environment', environmentIdentifier);
    const profile = find(this.profiles.values(), profileIdentifier, (p) => p.applicationId === application.id);
    if (!profile) throw notFound('ConfigurationProfile', profileIdentifier);
    return { application, environment, profile };
  }

  /**
   * Changes one flag in one environment as a person would in the console: a new hosted version with the
   * change, deployed to that environment only. Pollers see it on their next call.
   */
  changeFlag(target: Target, flagKey: string, change: FlagChange): { version: number; flag: EvaluatedFlag } {
    if (target.profile.type !== FEATURE_FLAGS) throw new FlagChangeError('APPCONFIG.NOT_FEATURE_FLAGS', `${target.profile.name} is not an ${FEATURE_FLAGS} profile`);
    const base = this.deployed(target)?.version ?? this.versions.get(target.profile.id)?.at(-1);
    if (!base) throw new FlagChangeError('APPCONFIG.FLAG_NOT_FOUND', `${target.profile.name} has no hosted version to change`);
    const doc = withFlagChange(parseFlagsDocument(base.content), flagKey, change, new Date());
    const version = this.addVersion(target.profile.id, { content: JSON.stringify(doc), contentType: 'application/json' });
    this.deploy(target.environment.id, target.profile.id, version.versionNumber);
    return { version: version.versionNumber, flag: evaluateFlags(doc, [flagKey])[flagKey] ?? { enabled: false } };
  }

  listApplications(): Array<Application & { environments: Environment[]; profiles: Profile[] }> {
    return [...this.applications.values()].map((application) => ({
      ...application,
      environments: [...this.environments.values()].filter((e) => e.applicationId === application.id),
      profiles: [...this.profiles.values()].filter((p) => p.applicationId === application.id),
    }));
  }
}

/** What a client receives for a deployed version: feature flags evaluated, anything else as stored. */
export function renderConfiguration(profile: Profile, version: HostedVersion, flags?: readonly string[]): { body: string; contentType: string } {
  if (profile.type !== FEATURE_FLAGS) return { body: version.content, contentType: version.contentType };
  return { body: JSON.stringify(evaluateFlags(parseFlagsDocument(version.content), flags)), contentType: 'application/json' };
}

function find<T extends { id: string; name: string }>(items: Iterable<T>, identifier: string, belongs: (item: T) => boolean): T | undefined {
  const candidates = [...items].filter(belongs);
  return candidates.find((item) => item.id === identifier) ?? candidates.find((item) => item.name === identifier);
}

function notFound(resourceType: string, identifier: string): AppConfigApiError {
  const label = resourceType === 'ConfigurationProfile' ? 'Configuration profile' : resourceType;
  return new AppConfigApiError('ResourceNotFoundException', 404, `${label} ${identifier} not found`, { ResourceType: resourceType, ReferencedBy: { Identifier: identifier } });
}

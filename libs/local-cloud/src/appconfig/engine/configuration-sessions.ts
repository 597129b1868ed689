import { AppConfigApiError } from '../errors';
import { renderConfiguration, type AppConfigStore } from './config-store';
import { SessionTokens } from './session-tokens';

const MIN_POLL_SECONDS = 15;
const MAX_POLL_SECONDS = 86_400;
const DEFAULT_POLL_SECONDS = 60;

export interface LatestConfiguration {
  /** Empty when the caller already has the deployed version. */
  readonly body: Buffer;
  readonly contentType: string;
  readonly versionLabel?: string;
  readonly nextToken: string;
  readonly nextPollIntervalSeconds: number;
}

/**
 * StartConfigurationSession and GetLatestConfiguration over the store: a session tracks one application,
 * environment and profile; each poll answers with the deployed configuration, or nothing new.
 *
 * @example
 * const token = sessions.start({ ApplicationIdentifier: 'shop', EnvironmentIdentifier: 'dev', ConfigurationProfileIdentifier: 'flags' });
 * const { body, nextToken } = sessions.latest(token);
 */
export class ConfigurationSessions {
  private readonly tokens = new SessionTokens();

  constructor(private readonly store: AppConfigStore) {}

  start(req: { ApplicationIdentifier: string; EnvironmentIdentifier: string; ConfigurationProfileIdentifier: string; RequiredMinimumPollIntervalInSeconds?: number }): string {
    const interval = req.RequiredMinimumPollIntervalInSeconds ?? DEFAULT_POLL_SECONDS;
    if (!Number.isInteger(interval) || interval < MIN_POLL_SECONDS || interval > MAX_POLL_SECONDS) {
      throw new AppConfigApiError('BadRequestException', 400, `RequiredMinimumPollIntervalInSeconds must be between ${MIN_POLL_SECONDS} and ${MAX_POLL_SECONDS}`, { Reason: 'InvalidParameters' });
    }
    const target = this.store.resolve(req.ApplicationIdentifier, req.EnvironmentIdentifier, req.ConfigurationProfileIdentifier);
    return this.tokens.seal({ applicationId: target.application.id, environmentId: target.environment.id, profileId: target.profile.id, pollIntervalSeconds: interval });
  }

  latest(token: string): LatestConfiguration {
    const state = this.tokens.open(token);
    const target = this.store.resolve(state.applicationId, state.environmentId, state.profileId);
    const deployed = this.store.deployed(target);
    if (!deployed) {
      throw new AppConfigApiError('ResourceNotFoundException', 404, `No configuration of ${target.profile.name} is deployed to ${target.environment.name}`, { ResourceType: 'Deployment' });
    }
    const changed = deployed.deploymentNumber !== state.seenDeployment;
    const rendered = renderConfiguration(target.profile, deployed.version);
    return {
      body: changed ? Buffer.from(rendered.body) : Buffer.alloc(0),
      contentType: rendered.contentType,
      ...(changed && deployed.version.versionLabel && { versionLabel: deployed.version.versionLabel }),
      nextToken: this.tokens.seal({ ...state, seenDeployment: deployed.deploymentNumber }),
      nextPollIntervalSeconds: state.pollIntervalSeconds,
    };
  }
}

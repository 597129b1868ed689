import type { Logger, SecretReader, ServiceEndpoint, ServicePlugin } from '../core/contracts';
import { makeSecretsManagerJsonEndpoint } from './api/json-endpoint';
import { secretOperations } from './api/operations';
import { invalidRequest } from './errors';
import { SecretStore } from './secret-store';
import { loadSecret } from './template';

export interface SecretsManagerService {
  readonly store: SecretStore;
  /** Serves the Secrets Manager API (signing name 'secretsmanager'). */
  readonly endpoint: ServiceEndpoint;
}

/**
 * Secrets Manager and its API endpoint, in memory.
 *
 * @example
 * const secrets = createSecretsManagerService({ region: 'us-east-1', accountId: '000000000000', logger });
 * gateway.register(secrets.endpoint);
 */
export function createSecretsManagerService(options: { region: string; accountId: string; logger: Logger }): SecretsManagerService {
  const store = new SecretStore(options);
  return { store, endpoint: makeSecretsManagerJsonEndpoint(secretOperations(store), options.logger) };
}

/** In-process access to the running Secrets Manager, for the local cloud's own use (EventBridge Connections). */
export interface SecretsAccess {
  /** The AWSCURRENT SecretString of a secret, by ARN (full or without its suffix) or name. */
  getSecretString(secretId: string): string;
  /**
   * Creates a secret whose AWSCURRENT value is `secretString`; resolves with its ARN (`arn` when given: the one
   * the template resolved, e.g. a Connection's `SecretArn`, else the name and a random suffix).
   */
  createSecret(input: { name: string; secretString: string; description?: string; arn?: string }): { arn: string };
}

/** The local cloud asked Secrets Manager for a secret before the service started. */
export class SecretsManagerNotStartedError extends Error {
  override readonly name = 'SecretsManagerNotStartedError';
  readonly code = 'SECRETSMANAGER.NOT_STARTED';

  constructor() {
    super('Secrets Manager has not started: start the local cloud with the secretsmanager plug-in first');
  }
}

/** The Secrets Manager plug-in, with in-process access to its secrets once started. */
export interface SecretsManagerPlugin extends ServicePlugin {
  readonly secrets: SecretsAccess;
}

/**
 * The Secrets Manager plug-in: creates every `AWS::SecretsManager::Secret` of the templates, serves the API,
 * provides the `secretsManager` port (what `{{resolve:secretsmanager:...}}` dynamic references read) and lets
 * the local cloud read and store secrets in-process (`plugin.secrets`), as EventBridge does for a Connection's
 * credentials.
 *
 * @example
 * const secretsManager = secretsManagerService();
 * const plugins = [...defaultPlugins(), secretsManager];
 * // once started:
 * secretsManager.secrets.getSecretString(connectionSecretArn);
 */
export function secretsManagerService(): SecretsManagerPlugin {
  let store: SecretStore | undefined;
  const started = (): SecretStore => {
    if (!store) throw new SecretsManagerNotStartedError();
    return store;
  };
  return {
    name: 'secretsmanager',
    resourceTypes: ['AWS::SecretsManager::Secret'],
    secrets: {
      getSecretString(secretId) {
        const { value } = started().getValue(secretId);
        return 'string' in value ? value.string : value.binary.toString('utf8');
      },
      createSecret: ({ name, secretString, description, arn }) =>
        started().create({ name, value: { string: secretString }, serviceManaged: true, ...(description !== undefined && { description }), ...(arn !== undefined && { arn }) }),
    },
    start: async (ctx) => {
      const service = createSecretsManagerService({ region: ctx.region, accountId: ctx.accountId, logger: ctx.logger });
      for (const resource of ctx.resources) loadSecret(service.store, resource);
      store = service.store;
      return {
        endpoints: [service.endpoint],
        provides: { secretsManager: secretReader(service.store) },
        stop: async () => {
          store = undefined;
        },
      };
    },
  };
}

/**
 * The `secretsManager` port over a store: GetSecretValue's SecretString, read in-process.
 *
 * @example
 * await secretReader(store).getSecretString('shop/api-key', { stage: 'AWSPREVIOUS' });
 */
export function secretReader(store: SecretStore): SecretReader {
  return {
    getSecretString: async (secretId, version = {}) => {
      const { value } = store.getValue(secretId, { ...(version.stage !== undefined && { stage: version.stage }), ...(version.id !== undefined && { versionId: version.id }) });
      if (!('string' in value)) throw invalidRequest('The secret version holds SecretBinary only: it has no SecretString to read');
      return value.string;
    },
  };
}

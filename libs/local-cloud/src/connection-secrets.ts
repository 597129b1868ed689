import type { JsonObject, ResolvedResource, ServicePlugin } from './core/contracts';
import type { SecretsAccess } from './secretsmanager';
import { SecretsManagerError } from './secretsmanager/errors';
import type { ConnectionAuth, ConnectionResolver } from './stepfunctions';

const CONNECTION = 'AWS::Events::Connection';

/** `events!connection/<name>/<uuid>`: the secret EventBridge keeps a connection's authorization in. */
const secretNameOf = (connectionArn: string): string => `events!connection/${connectionArn.split(':connection/')[1] ?? connectionArn}`;

/**
 * EventBridge Connections' authorization, kept where AWS keeps it: in a Secrets Manager secret per connection,
 * `events!connection/<name>/<uuid>`, at the connection's `SecretArn`. `storedBy(eventBridge)` stores them as
 * the EventBridge plug-in starts (AWS creates the secret with the connection); `resolve` is Step Functions'
 * `ConnectionResolver`, reading the secret at each `http:invoke` call, as the task does in AWS.
 *
 * @example
 * const connections = connectionSecrets(secretsManager.secrets);
 * const plugins = [secretsManager, connections.storedBy(eventBridgePlugin()), stepFunctionsService({ resolveConnection: connections.resolve })];
 */
export function connectionSecrets(secrets: SecretsAccess): { storedBy(plugin: ServicePlugin): ServicePlugin; resolve: ConnectionResolver } {
  return {
    storedBy: (plugin) => ({
      ...plugin,
      start: (ctx) => {
        for (const connection of ctx.resources.filter((resource) => resource.type === CONNECTION)) store(secrets, connection);
        return plugin.start(ctx);
      },
    }),
    resolve: async (connectionArn) => {
      try {
        return JSON.parse(secrets.getSecretString(secretNameOf(connectionArn))) as ConnectionAuth;
      } catch (err) {
        if (err instanceof SecretsManagerError && err.code === 'ResourceNotFoundException') return undefined;
        throw err;
      }
    },
  };
}

function store(secrets: SecretsAccess, connection: ResolvedResource): void {
  const { AuthorizationType, AuthParameters } = connection.properties;
  const authorization: JsonObject = { AuthorizationType: AuthorizationType ?? null, AuthParameters: AuthParameters ?? {} };
  const secretArn = connection.attributes.SecretArn;
  secrets.createSecret({
    name: secretNameOf(connection.arn ?? connection.ref),
    secretString: JSON.stringify(authorization),
    description: `Authorization of the EventBridge connection ${connection.physicalName}`,
    ...(secretArn !== undefined && { arn: secretArn }),
  });
}

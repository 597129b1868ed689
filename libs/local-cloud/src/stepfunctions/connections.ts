import type { ResolvedResource } from '../core/contracts';
import type { ConnectionAuth, ConnectionResolver } from './tasks/http';

/**
 * Finds the templates' EventBridge Connections by ARN, for `http:invoke` tasks: the authorization as the
 * `AWS::Events::Connection` resource states it (in AWS, EventBridge keeps it in a secret the task reads).
 *
 * @example
 * const resolveConnection = connectionsIn(ctx.allResources ?? []);
 * await resolveConnection('arn:aws:events:us-east-1:000000000000:connection/Pay/…'); // { AuthorizationType: 'API_KEY', … }
 */
export function connectionsIn(resources: readonly ResolvedResource[]): ConnectionResolver {
  const byArn = new Map<string, ConnectionAuth>();
  for (const resource of resources) {
    const arn = resource.arn ?? resource.attributes.Arn;
    if (resource.type !== 'AWS::Events::Connection' || !arn) continue;
    const { AuthorizationType, AuthParameters } = resource.properties;
    byArn.set(arn, { AuthorizationType, AuthParameters } as unknown as ConnectionAuth);
  }
  return async (arn) => byArn.get(arn);
}

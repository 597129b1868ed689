import type { JsonObject, ResolvedResource } from '../core/contracts';
import { resolveDynamicReferences, type DynamicReferenceReaders } from '../template';
import type { ConnectionAuth, ConnectionResolver } from './tasks/http';

/**
 * Finds the templates' EventBridge Connections by ARN, for `http:invoke` tasks: the authorization as the
 * `AWS::Events::Connection` resource states it (in AWS, EventBridge keeps it in a secret the task reads), its
 * dynamic references (`{{resolve:secretsmanager:...}}`) read through `readers` when a task asks.
 *
 * @throws DynamicReferenceError (rejected by the resolver) for a reference that cannot be read
 * @example
 * const resolveConnection = connectionsIn(ctx.allResources ?? [], ctx.ports);
 * await resolveConnection('arn:aws:events:us-east-1:000000000000:connection/Pay/…'); // { AuthorizationType: 'API_KEY', … }
 */
export function connectionsIn(resources: readonly ResolvedResource[], readers: DynamicReferenceReaders): ConnectionResolver {
  const byArn = new Map<string, ResolvedResource>();
  for (const resource of resources) {
    const arn = resource.arn ?? resource.attributes.Arn;
    if (resource.type === 'AWS::Events::Connection' && arn) byArn.set(arn, resource);
  }
  return async (arn) => {
    const connection = byArn.get(arn);
    if (!connection) return undefined;
    const { AuthorizationType, AuthParameters } = (await resolveDynamicReferences(connection, readers)).properties as JsonObject;
    return { AuthorizationType, AuthParameters } as unknown as ConnectionAuth;
  };
}

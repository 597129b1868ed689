import { ResourceAlreadyExistsError } from '../errors';
import type { Arns } from './arns';
import type { ApiDestination, Connection } from './types';

export interface ConnectionDefinition {
  readonly name: string;
  /** The ARN the template resolver gave it; generated when absent. */
  readonly arn?: string;
  /** AWS::Events::Connection AuthParameters; API key and basic auth become request headers. */
  readonly authParameters?: {
    readonly ApiKeyAuthParameters?: { readonly ApiKeyName: string; readonly ApiKeyValue: string };
    readonly BasicAuthParameters?: { readonly Username: string; readonly Password: string };
    readonly InvocationHttpParameters?: { readonly HeaderParameters?: ReadonlyArray<{ readonly Key: string; readonly Value: string }> };
  };
}

export interface ApiDestinationDefinition {
  readonly name: string;
  /** The ARN the template resolver gave it; generated when absent. */
  readonly arn?: string;
  readonly invocationEndpoint: string;
  readonly httpMethod: string;
  readonly connectionArn?: string;
}

/** The API destinations and connections that rule targets call over HTTP. */
export class ApiDestinationRegistry {
  private readonly destinations = new Map<string, ApiDestination>();
  private readonly connections = new Map<string, Connection>();

  constructor(private readonly arns: Arns) {}

  addConnection(definition: ConnectionDefinition): Connection {
    if ([...this.connections.values()].some((c) => c.name === definition.name)) {
      throw new ResourceAlreadyExistsError(`Connection ${definition.name} already exists.`);
    }
    const connection: Connection = {
      name: definition.name,
      arn: definition.arn ?? this.arns.connection(definition.name, crypto.randomUUID()),
      headers: authorizationHeaders(definition),
    };
    this.connections.set(connection.arn, connection);
    return connection;
  }

  addApiDestination(definition: ApiDestinationDefinition): ApiDestination {
    if ([...this.destinations.values()].some((d) => d.name === definition.name)) {
      throw new ResourceAlreadyExistsError(`Api destination ${definition.name} already exists.`);
    }
    const destination: ApiDestination = {
      ...definition,
      arn: definition.arn ?? this.arns.apiDestination(definition.name, crypto.randomUUID()),
    };
    this.destinations.set(destination.arn, destination);
    return destination;
  }

  apiDestination(arn: string): ApiDestination | undefined {
    return this.destinations.get(arn);
  }

  connection(arn: string): Connection | undefined {
    return this.connections.get(arn);
  }
}

function authorizationHeaders({ authParameters }: ConnectionDefinition): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { Key, Value } of authParameters?.InvocationHttpParameters?.HeaderParameters ?? []) headers[Key.toLowerCase()] = Value;
  const apiKey = authParameters?.ApiKeyAuthParameters;
  if (apiKey) headers[apiKey.ApiKeyName.toLowerCase()] = apiKey.ApiKeyValue;
  const basic = authParameters?.BasicAuthParameters;
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.Username}:${basic.Password}`).toString('base64')}`;
  return headers;
}

/** Builds the ARNs of one account's EventBridge resources in one region. */
export class Arns {
  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  bus(name: string): string {
    return this.arn(`event-bus/${name}`);
  }

  /** Rules on the default bus keep the short form `rule/<name>`. */
  rule(busName: string, ruleName: string): string {
    return this.arn(busName === 'default' ? `rule/${ruleName}` : `rule/${busName}/${ruleName}`);
  }

  archive(name: string): string {
    return this.arn(`archive/${name}`);
  }

  replay(name: string): string {
    return this.arn(`replay/${name}`);
  }

  apiDestination(name: string, id: string): string {
    return this.arn(`api-destination/${name}/${id}`);
  }

  connection(name: string, id: string): string {
    return this.arn(`connection/${name}/${id}`);
  }

  private arn(resource: string): string {
    return `arn:aws:events:${this.region}:${this.accountId}:${resource}`;
  }
}

/** The bus name from a name or an event-bus ARN (`EventBusName` accepts both). */
export function busNameOf(nameOrArn: string | undefined): string {
  if (!nameOrArn) return 'default';
  const marker = ':event-bus/';
  const at = nameOrArn.indexOf(marker);
  return nameOrArn.startsWith('arn:') && at >= 0 ? nameOrArn.slice(at + marker.length) : nameOrArn;
}

/** The resource name after the last `/` of an ARN, or the value itself when it is a plain name. */
export function nameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? (nameOrArn.split('/').at(-1) ?? nameOrArn) : nameOrArn;
}

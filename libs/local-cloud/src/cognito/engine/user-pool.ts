import { CognitoApiError } from '../errors';
import type { AppClientConfig } from '../model/client-config';
import type { UserPoolConfig } from '../model/pool-config';
import { SessionStore } from './sessions';
import { PoolSigningKey } from './signing-key';
import { UserDirectory, type User } from './users';

export interface Group {
  readonly groupName: string;
  readonly description?: string;
  readonly precedence?: number;
  readonly roleArn?: string;
  readonly createdAt: Date;
}

/**
 * One user pool: its settings, app clients, groups, users, sign-ins and signing key.
 *
 * @example
 * const pool = new UserPool(config, 'http://127.0.0.1:4566/us-east-1_AbC123xyz');
 * pool.addClient(clientConfig);
 */
export class UserPool {
  readonly users: UserDirectory;
  readonly sessions = new SessionStore();
  readonly signingKey = new PoolSigningKey();
  private readonly clients = new Map<string, AppClientConfig>();
  private readonly groups = new Map<string, Group>();

  constructor(
    readonly config: UserPoolConfig,
    /** The `iss` of the pool's tokens; its JWKS is at `<issuer>/.well-known/jwks.json`. */
    readonly issuer: string,
  ) {
    this.users = new UserDirectory(config);
  }

  get id(): string {
    return this.config.id;
  }

  addClient(client: AppClientConfig): void {
    this.clients.set(client.clientId, client);
  }

  client(clientId: string): AppClientConfig {
    const client = this.clients.get(clientId);
    if (!client) throw new CognitoApiError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return client;
  }

  listClients(): AppClientConfig[] {
    return [...this.clients.values()];
  }

  addGroup(group: Omit<Group, 'createdAt'>): Group {
    if (this.groups.has(group.groupName)) throw new CognitoApiError('GroupExistsException', 'A group with the name already exists.');
    const created = { ...group, createdAt: new Date() };
    this.groups.set(group.groupName, created);
    return created;
  }

  group(groupName: string): Group {
    const group = this.groups.get(groupName);
    if (!group) throw new CognitoApiError('ResourceNotFoundException', 'Group not found.');
    return group;
  }

  listGroups(): Group[] {
    return [...this.groups.values()].sort(byPrecedence);
  }

  /** The user's groups as tokens list them: by precedence (lowest first), then name. */
  groupsOf(user: User): Group[] {
    return [...user.groups].map((name) => this.groups.get(name)).filter((group): group is Group => group !== undefined).sort(byPrecedence);
  }
}

function byPrecedence(a: Group, b: Group): number {
  return (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) || a.groupName.localeCompare(b.groupName);
}

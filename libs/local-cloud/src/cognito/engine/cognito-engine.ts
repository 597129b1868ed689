import { createHmac } from 'node:crypto';
import type { LambdaInvoker, Logger } from '../../core/contracts';
import { CognitoApiError } from '../errors';
import type { AppClientConfig } from '../model/client-config';
import type { UserPoolConfig } from '../model/pool-config';
import { Outbox } from './messages';
import { poolIdOfToken } from './tokens';
import { Triggers } from './triggers';
import { UserPool } from './user-pool';

export interface CognitoEngineOptions {
  /** Where pools' issuers live: `<issuerBase>/<userPoolId>` (the gateway's URL locally). */
  readonly issuerBase: string;
  readonly region: string;
  readonly logger: Logger;
  /** The lambda port, bound late: triggers call it when they run, never at start. */
  readonly lambda: () => LambdaInvoker;
}

/**
 * Every user pool of the local cloud, their app clients, the outbox of messages and the triggers.
 *
 * @example
 * const engine = new CognitoEngine({ issuerBase: 'http://127.0.0.1:4566', region: 'us-east-1', logger, lambda: () => ports.lambda });
 * engine.addPool(userPoolConfigOf(resource));
 */
export class CognitoEngine {
  readonly outbox: Outbox;
  readonly triggers: Triggers;
  private readonly pools = new Map<string, UserPool>();
  private readonly clientPools = new Map<string, UserPool>();

  constructor(private readonly options: CognitoEngineOptions) {
    this.outbox = new Outbox(options.logger);
    this.triggers = new Triggers(options);
  }

  get region(): string {
    return this.options.region;
  }

  addPool(config: UserPoolConfig): UserPool {
    const pool = new UserPool(config, `${this.options.issuerBase.replace(/\/$/, '')}/${config.id}`);
    this.pools.set(config.id, pool);
    return pool;
  }

  addClient(client: AppClientConfig): void {
    const pool = this.pool(client.userPoolId);
    pool.addClient(client);
    this.clientPools.set(client.clientId, pool);
  }

  pool(userPoolId: string): UserPool {
    const pool = this.pools.get(userPoolId);
    if (!pool) throw new CognitoApiError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
    return pool;
  }

  /** The pool of an app client, for the public (client id only) operations. */
  poolOfClient(clientId: string): { pool: UserPool; client: AppClientConfig } {
    const pool = this.clientPools.get(clientId);
    if (!pool) throw new CognitoApiError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return { pool, client: pool.client(clientId) };
  }

  /** The pool whose issuer an access token names; the token itself is checked by `verifyAccessToken`. */
  poolOfToken(accessToken: string): UserPool {
    const pool = this.pools.get(poolIdOfToken(accessToken) ?? '');
    if (!pool) throw new CognitoApiError('NotAuthorizedException', 'Invalid Access Token');
    return pool;
  }

  listPools(): UserPool[] {
    return [...this.pools.values()];
  }
}

/**
 * A client with a secret requires `SECRET_HASH` = Base64(HMAC-SHA256(secret, username + clientId)), as Cognito does.
 *
 * @example
 * checkSecretHash(client, 'ana', request.SecretHash);
 */
export function checkSecretHash(client: AppClientConfig, username: string, secretHash: string | undefined): void {
  if (!client.clientSecret) return;
  if (!secretHash) throw new CognitoApiError('NotAuthorizedException', `Client ${client.clientId} is configured for secret but secret was not received`);
  const expected = createHmac('sha256', client.clientSecret).update(`${username}${client.clientId}`).digest('base64');
  if (expected !== secretHash) throw new CognitoApiError('NotAuthorizedException', `Unable to verify secret hash for client ${client.clientId}`);
}

import { randomInt, randomUUID } from 'node:crypto';
import { invalidParameter, SecretsManagerError, secretNotFound } from './errors';

const CURRENT = 'AWSCURRENT';
const PREVIOUS = 'AWSPREVIOUS';
const NAME = /^[a-zA-Z0-9/_+=.@-]{1,512}$/;
/** Secrets that AWS services create for themselves carry a `!` (`events!connection/orders-api/...`). */
const SERVICE_NAME = /^[a-zA-Z0-9/_+=.@!-]{1,512}$/;
const SUFFIX_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A secret's value: text, or bytes. */
export type SecretValue = { readonly string: string } | { readonly binary: Buffer };

interface SecretVersion {
  readonly id: string;
  readonly value: SecretValue;
  readonly created: Date;
  readonly stages: Set<string>;
}

/** What DescribeSecret shows. */
export interface SecretMetadata {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags: ReadonlyArray<{ Key: string; Value: string }>;
  readonly created: Date;
  lastChanged: Date;
  lastAccessed?: Date;
}

interface Secret extends SecretMetadata {
  readonly versions: Map<string, SecretVersion>;
}

/** One version of a secret, as GetSecretValue returns it. */
export interface SecretVersionView {
  readonly arn: string;
  readonly name: string;
  readonly versionId: string;
  readonly value: SecretValue;
  readonly stages: string[];
  readonly created: Date;
}

export interface CreateSecretInput {
  readonly name: string;
  readonly value?: SecretValue;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags?: ReadonlyArray<{ Key: string; Value: string }>;
  readonly clientRequestToken?: string;
  /** The ARN to use (a template's secret keeps the ARN its references resolved to); generated when absent. */
  readonly arn?: string;
  /** A secret an AWS service creates for itself (in-process), whose name may contain `!`. */
  readonly serviceManaged?: boolean;
}

/**
 * Secrets Manager's secrets in memory, with versions and staging labels (AWSCURRENT, AWSPREVIOUS).
 *
 * @example
 * const store = new SecretStore({ region: 'us-east-1', accountId: '000000000000' });
 * const { arn } = store.create({ name: 'shop/payment-api-key', value: { string: 'key-123' } });
 * store.getValue(arn).value; // { string: 'key-123' }
 */
export class SecretStore {
  private readonly secrets = new Map<string, Secret>();

  constructor(private readonly options: { readonly region: string; readonly accountId: string }) {}

  create(input: CreateSecretInput): { arn: string; name: string; versionId?: string } {
    if (!(input.serviceManaged ? SERVICE_NAME : NAME).test(input.name)) throw invalidParameter('Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
    if ([...this.secrets.values()].some((secret) => secret.name === input.name)) {
      throw new SecretsManagerError('ResourceExistsException', `The operation failed because the secret ${input.name} already exists.`);
    }
    const now = new Date();
    const arn = input.arn ?? `arn:aws:secretsmanager:${this.options.region}:${this.options.accountId}:secret:${input.name}-${suffix()}`;
    const secret: Secret = {
      arn,
      name: input.name,
      tags: input.tags ?? [],
      created: now,
      lastChanged: now,
      versions: new Map(),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.kmsKeyId !== undefined && { kmsKeyId: input.kmsKeyId }),
    };
    this.secrets.set(arn, secret);
    if (!input.value) return { arn, name: input.name };
    const version = this.addVersion(secret, input.value, input.clientRequestToken, [CURRENT]);
    return { arn, name: input.name, versionId: version.id };
  }

  /** Adds a version; it takes AWSCURRENT unless other stages are given, and the old current becomes AWSPREVIOUS. */
  putValue(secretId: string, value: SecretValue, options: { clientRequestToken?: string; stages?: readonly string[] } = {}): SecretVersionView {
    const secret = this.resolve(secretId);
    const existing = options.clientRequestToken === undefined ? undefined : secret.versions.get(options.clientRequestToken);
    if (existing) {
      if (!sameValue(existing.value, value)) throw new SecretsManagerError('ResourceExistsException', "You can't modify an existing version, you can only create a new version.");
      return this.view(secret, existing);
    }
    const version = this.addVersion(secret, value, options.clientRequestToken, options.stages ?? [CURRENT]);
    return this.view(secret, version);
  }

  /** The version a VersionId or staging label names (AWSCURRENT by default). */
  getValue(secretId: string, selector: { versionId?: string; stage?: string } = {}): SecretVersionView {
    const secret = this.resolve(secretId);
    const version = this.selectVersion(secret, selector);
    secret.lastAccessed = new Date();
    return this.view(secret, version);
  }

  describe(secretId: string): SecretMetadata & { versionIdsToStages: Record<string, string[]> } {
    const secret = this.resolve(secretId);
    const versionIdsToStages = Object.fromEntries([...secret.versions.values()].filter((v) => v.stages.size > 0).map((v) => [v.id, [...v.stages]]));
    const { versions: _versions, ...metadata } = secret;
    return { ...metadata, versionIdsToStages };
  }

  /** A secret by full ARN, by ARN without its random suffix, or by name. */
  private resolve(secretId: string): Secret {
    const byArn = this.secrets.get(secretId);
    if (byArn) return byArn;
    const all = [...this.secrets.values()];
    const found = secretId.startsWith('arn:')
      ? all.find((secret) => secret.arn.length === secretId.length + 7 && secret.arn.startsWith(`${secretId}-`))
      : all.find((secret) => secret.name === secretId);
    if (!found) throw secretNotFound();
    return found;
  }

  private selectVersion(secret: Secret, selector: { versionId?: string; stage?: string }): SecretVersion {
    const versions = [...secret.versions.values()];
    if (selector.versionId !== undefined) {
      const version = secret.versions.get(selector.versionId);
      if (!version || (selector.stage !== undefined && !version.stages.has(selector.stage))) {
        throw new SecretsManagerError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${selector.versionId}`);
      }
      return version;
    }
    const stage = selector.stage ?? CURRENT;
    const version = versions.find((v) => v.stages.has(stage));
    if (!version) throw new SecretsManagerError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`);
    return version;
  }

  private addVersion(secret: Secret, value: SecretValue, token: string | undefined, stages: readonly string[]): SecretVersion {
    if (token !== undefined && (token.length < 32 || token.length > 64)) invalidRequestToken();
    const version: SecretVersion = { id: token ?? randomUUID(), value, created: new Date(), stages: new Set() };
    secret.versions.set(version.id, version);
    for (const stage of stages) this.moveStage(secret, version, stage);
    secret.lastChanged = version.created;
    return version;
  }

  private moveStage(secret: Secret, to: SecretVersion, stage: string): void {
    for (const other of secret.versions.values()) {
      if (other === to || !other.stages.delete(stage) || stage !== CURRENT) continue;
      for (const version of secret.versions.values()) version.stages.delete(PREVIOUS);
      other.stages.add(PREVIOUS);
    }
    to.stages.add(stage);
  }

  private view(secret: Secret, version: SecretVersion): SecretVersionView {
    return { arn: secret.arn, name: secret.name, versionId: version.id, value: version.value, stages: [...version.stages], created: version.created };
  }
}

function invalidRequestToken(): never {
  throw invalidParameter('ClientRequestToken must be between 32 and 64 characters long.');
}

function sameValue(a: SecretValue, b: SecretValue): boolean {
  if ('string' in a && 'string' in b) return a.string === b.string;
  if ('binary' in a && 'binary' in b) return a.binary.equals(b.binary);
  return false;
}

/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
const suffix = (): string => Array.from({ length: 6 }, () => SUFFIX_CHARS.charAt(randomInt(SUFFIX_CHARS.length))).join('');

import { parameterNotFound, SsmError, validation } from './errors';
import { assertValidName, parameterArn, parseNameReference } from './parameter-name';
import { SecureValueCipher } from './secure-value';

export const PARAMETER_TYPES = ['String', 'StringList', 'SecureString'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

const MAX_VALUE_LENGTH = { Standard: 4096, Advanced: 8192 } as const;
type Tier = keyof typeof MAX_VALUE_LENGTH;
/** SSM keeps the last 100 versions of a parameter. */
const MAX_VERSIONS = 100;

export interface PutParameterInput {
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly overwrite?: boolean;
  readonly description?: string;
  readonly allowedPattern?: string;
  readonly tier?: string;
  readonly dataType?: string;
  readonly keyId?: string;
  readonly tagged?: boolean;
}

/** One version of a parameter as GetParameter shows it. */
export interface ParameterView {
  readonly name: string;
  readonly type: ParameterType;
  /** Plain text, or ciphertext for a SecureString read without decryption. */
  readonly value: string;
  readonly version: number;
  readonly lastModified: Date;
  readonly arn: string;
  readonly dataType: string;
  readonly selector?: string;
}

interface StoredVersion {
  readonly version: number;
  readonly type: ParameterType;
  /** Ciphertext for SecureString. */
  readonly value: string;
  readonly lastModified: Date;
  readonly tier: Tier;
  readonly dataType: string;
  readonly description?: string;
  readonly allowedPattern?: string;
  readonly keyId?: string;
}

/**
 * SSM Parameter Store in memory: versioned parameters, hierarchies, SecureString encryption.
 *
 * @example
 * const store = new ParameterStore({ region: 'us-east-1', accountId: '000000000000' });
 * store.put({ name: '/shop/url', value: 'https://shop.test', type: 'String' }); // { version: 1, tier: 'Standard' }
 * store.get('/shop/url', false).value; // 'https://shop.test'
 */
export class ParameterStore {
  private readonly parameters = new Map<string, StoredVersion[]>();
  private readonly cipher = new SecureValueCipher();

  constructor(private readonly options: { readonly region: string; readonly accountId: string }) {}

  put(input: PutParameterInput): { version: number; tier: Tier } {
    assertValidName(input.name);
    const history = this.parameters.get(input.name);
    const latest = history?.at(-1);
    if (latest && !input.overwrite) throw new SsmError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    if (latest && input.tagged) {
      throw validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.");
    }
    const stored = this.nextVersion(input, latest);
    const versions = [...(history ?? []), stored].slice(-MAX_VERSIONS);
    this.parameters.set(input.name, versions);
    return { version: stored.version, tier: stored.tier };
  }

  /** The latest version, or the one a `:version` selector names. `name` may be an ARN. */
  get(reference: string, withDecryption: boolean): ParameterView {
    const { names, selector } = parseNameReference(reference);
    const name = names.find((candidate) => this.parameters.has(candidate));
    const history = name === undefined ? undefined : this.parameters.get(name);
    if (!name || !history) throw parameterNotFound(reference);
    const stored = selector === undefined ? history.at(-1) : this.selectVersion(history, selector, reference);
    if (!stored) throw parameterNotFound(reference);
    return { ...this.view(name, stored, withDecryption), ...(selector !== undefined && { selector: `:${selector}` }) };
  }

  /** Parameters under `path` (one level, or every level when `recursive`), sorted by name, a page at a time. */
  byPath(path: string, options: { recursive: boolean; withDecryption: boolean; maxResults: number; nextToken?: string }): { parameters: ParameterView[]; nextToken?: string } {
    if (!path.startsWith('/')) throw validation('The parameter path must begin with a forward slash (/).');
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const latest = new Map<string, StoredVersion>();
    for (const [name, history] of this.parameters) {
      const current = history.at(-1);
      if (current && name.startsWith(prefix) && (options.recursive || !name.slice(prefix.length).includes('/'))) latest.set(name, current);
    }
    const names = [...latest.keys()].sort();
    // The token is the last name served, so a page stays right when parameters change between calls.
    const after = options.nextToken === undefined ? undefined : decodeToken(options.nextToken);
    const remaining = after === undefined ? names : names.filter((name) => name > after);
    const page = remaining.slice(0, options.maxResults);
    const last = page.at(-1);
    return {
      parameters: page.flatMap((name) => {
        const current = latest.get(name);
        return current ? [this.view(name, current, options.withDecryption)] : [];
      }),
      ...(last !== undefined && remaining.length > page.length && { nextToken: encodeToken(last) }),
    };
  }

  delete(name: string): void {
    if (!this.parameters.delete(name)) throw parameterNotFound(name);
  }

  private nextVersion(input: PutParameterInput, latest: StoredVersion | undefined): StoredVersion {
    const type = parameterType(input.type ?? latest?.type);
    const tier = tierOf(input.tier, latest?.tier);
    if (input.value.length === 0) throw validation('1 validation error detected: Value at \'value\' failed to satisfy constraint: Member must have length greater than or equal to 1');
    if (input.value.length > MAX_VALUE_LENGTH[tier]) {
      throw validation(`${tier} tier parameters support a maximum parameter value of ${MAX_VALUE_LENGTH[tier]} characters.`);
    }
    const allowedPattern = input.allowedPattern ?? latest?.allowedPattern;
    if (allowedPattern !== undefined && !new RegExp(allowedPattern).test(input.value)) {
      throw new SsmError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${allowedPattern}`);
    }
    const description = input.description ?? latest?.description;
    const keyId = type === 'SecureString' ? (input.keyId ?? latest?.keyId ?? 'alias/aws/ssm') : undefined;
    return {
      version: (latest?.version ?? 0) + 1,
      type,
      value: type === 'SecureString' ? this.cipher.encrypt(input.value) : input.value,
      lastModified: new Date(),
      tier,
      dataType: input.dataType ?? latest?.dataType ?? 'text',
      ...(description !== undefined && { description }),
      ...(allowedPattern !== undefined && { allowedPattern }),
      ...(keyId !== undefined && { keyId }),
    };
  }

  private selectVersion(history: readonly StoredVersion[], selector: string, reference: string): StoredVersion {
    // Labels (LabelParameterVersion) are not emulated, so a label selector names no version.
    if (!/^\d+$/.test(selector)) throw parameterNotFound(reference);
    const stored = history.find((entry) => entry.version === Number(selector));
    if (!stored) throw new SsmError('ParameterVersionNotFound', `Systems Manager could not find version ${selector} of ${reference}. Verify the version and try again.`);
    return stored;
  }

  private view(name: string, stored: StoredVersion, withDecryption: boolean): ParameterView {
    const secure = stored.type === 'SecureString';
    return {
      name,
      type: stored.type,
      value: secure && withDecryption ? this.cipher.decrypt(stored.value) : stored.value,
      version: stored.version,
      lastModified: stored.lastModified,
      arn: parameterArn(this.options.region, this.options.accountId, name),
      dataType: stored.dataType,
    };
  }
}

function parameterType(type: string | undefined): ParameterType {
  if (type === undefined) throw validation('A parameter type is required when you create a parameter.');
  if (!(PARAMETER_TYPES as readonly string[]).includes(type)) {
    throw validation(`1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]`);
  }
  return type as ParameterType;
}

function tierOf(requested: string | undefined, previous: Tier | undefined): Tier {
  if (requested === undefined || requested === 'Intelligent-Tiering') return previous ?? 'Standard';
  if (requested !== 'Standard' && requested !== 'Advanced') throw validation(`Invalid tier: ${requested}`);
  if (previous === 'Advanced' && requested === 'Standard') {
    throw validation('This parameter uses the advanced-parameter tier. You can\'t downgrade a parameter from the advanced-parameter tier to the standard-parameter tier.');
  }
  return requested;
}

const encodeToken = (lastName: string): string => Buffer.from(JSON.stringify({ after: lastName })).toString('base64url');

function decodeToken(token: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (err) {
    throw validation('The specified NextToken is not valid.', { cause: err });
  }
  const after = (decoded as { after?: unknown } | null)?.after;
  if (typeof after !== 'string') throw validation('The specified NextToken is not valid.');
  return after;
}

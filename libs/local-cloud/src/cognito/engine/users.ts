import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { CognitoApiError, invalidParameter, userNotFound } from '../errors';
import type { UserPoolConfig } from '../model/pool-config';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/** One user of a pool. Mutable: the engine's operations change it in place. */
export interface User {
  readonly username: string;
  readonly sub: string;
  readonly attributes: Map<string, string>;
  passwordHash?: string;
  status: UserStatus;
  enabled: boolean;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly groups: Set<string>;
}

/**
 * The users of one pool: usernames (case-insensitive when the pool says so), usernames replaced by an email
 * or phone number (`UsernameAttributes`), and verified aliases (`AliasAttributes`) that also find a user.
 *
 * @example
 * const user = directory.create({ requested: 'ana@example.com', attributes: new Map() });
 * directory.find('ana@example.com') === user; // true
 */
export class UserDirectory {
  private readonly users = new Map<string, User>();

  constructor(private readonly pool: UserPoolConfig) {}

  /**
   * The attribute a requested username stands for in a pool whose usernames are emails or phone numbers
   * (InvalidParameterException when it is neither), undefined in a pool of plain usernames.
   */
  usernameAttributeOf(requested: string): string | undefined {
    const allowed = this.pool.usernameAttributes;
    if (allowed.length === 0) return undefined;
    if (allowed.includes('email') && /^[^@\s]+@[^@\s]+$/.test(requested)) return 'email';
    if (allowed.includes('phone_number') && /^\+[0-9]{4,15}$/.test(requested)) return 'phone_number';
    const expected = allowed.length > 1 ? 'either an email or a phone number' : allowed[0] === 'email' ? 'an email' : 'a phone number';
    throw invalidParameter(`Username should be ${expected}.`);
  }

  /** UsernameExistsException, worded as Cognito words it, when the requested username is taken. */
  assertAvailable(requested: string): void {
    const usernameAttribute = this.usernameAttributeOf(requested);
    if (usernameAttribute && this.findByAttribute(usernameAttribute, requested)) {
      throw new CognitoApiError('UsernameExistsException', `An account with the given ${usernameAttribute} already exists.`);
    }
    if (!usernameAttribute && this.users.has(this.key(requested))) throw new CognitoApiError('UsernameExistsException', 'User already exists');
  }

  /** Creates a user: the username checked, an email or phone username stored as that attribute, the `sub` assigned. */
  create(input: { requested: string; attributes: ReadonlyMap<string, string>; status?: UserStatus; sub?: string }): User {
    this.assertAvailable(input.requested);
    const sub = input.sub ?? randomUUID();
    const usernameAttribute = this.usernameAttributeOf(input.requested);
    const now = new Date();
    const username = usernameAttribute ? sub : input.requested;
    const attributes = new Map([['sub', sub], ...input.attributes, ...(usernameAttribute ? [[usernameAttribute, input.requested] as const] : [])]);
    const user: User = { username, sub, attributes, status: input.status ?? 'UNCONFIRMED', enabled: true, createdAt: now, updatedAt: now, groups: new Set() };
    this.users.set(this.key(username), user);
    return user;
  }

  /** The user a username, a username attribute or a verified alias names, if any. */
  find(identifier: string): User | undefined {
    const direct = this.users.get(this.key(identifier));
    if (direct) return direct;
    for (const attribute of this.pool.usernameAttributes) {
      const user = this.findByAttribute(attribute, identifier);
      if (user) return user;
    }
    for (const attribute of this.pool.aliasAttributes) {
      const user = this.findByAttribute(attribute, identifier);
      if (user && (attribute === 'preferred_username' || user.attributes.get(`${attribute}_verified`) === 'true')) return user;
    }
    return undefined;
  }

  /** The user, or UserNotFoundException. */
  get(identifier: string): User {
    const user = this.find(identifier);
    if (!user) throw userNotFound();
    return user;
  }

  delete(user: User): void {
    this.users.delete(this.key(user.username));
  }

  list(): User[] {
    return [...this.users.values()];
  }

  private findByAttribute(attribute: string, value: string): User | undefined {
    const wanted = attribute === 'email' ? value.toLowerCase() : value;
    return [...this.users.values()].find((user) => {
      const own = user.attributes.get(attribute);
      return own !== undefined && (attribute === 'email' ? own.toLowerCase() : own) === wanted;
    });
  }

  private key(username: string): string {
    return this.pool.caseSensitive ? username : username.toLowerCase();
  }
}

/** Passwords live in memory only, but hashed all the same so no listing or log can show them. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}:${createHash('sha256').update(`${salt}:${password}`).digest('hex')}`;
}

export function passwordMatches(user: User, password: string): boolean {
  const [salt, digest] = (user.passwordHash ?? ':').split(':');
  if (!salt || !digest) return false;
  const candidate = createHash('sha256').update(`${salt}:${password}`).digest();
  return timingSafeEqual(candidate, Buffer.from(digest, 'hex'));
}

import type { Json, JsonObject, ResolvedResource } from '../../core/contracts';

export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
  readonly temporaryPasswordValidityDays: number;
}

export type PreTokenVersion = '1' | '2' | '3';

/** The Lambda triggers a pool runs, by function ARN. */
export interface TriggerConfig {
  readonly preSignUp?: string;
  readonly postConfirmation?: string;
  readonly preAuthentication?: string;
  readonly postAuthentication?: string;
  readonly preTokenGeneration?: { readonly arn: string; readonly version: PreTokenVersion };
}

/** A custom attribute's declaration (`custom:<name>` on users). */
export interface SchemaAttribute {
  readonly name: string;
  readonly required: boolean;
  readonly custom: boolean;
}

export interface UserPoolConfig {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly passwordPolicy: PasswordPolicy;
  /** Attributes that replace the username ('email', 'phone_number'): the username becomes the `sub`. */
  readonly usernameAttributes: readonly string[];
  /** Verified attributes that also sign a user in ('email', 'phone_number', 'preferred_username'). */
  readonly aliasAttributes: readonly string[];
  readonly autoVerifiedAttributes: readonly string[];
  readonly caseSensitive: boolean;
  readonly allowAdminCreateUserOnly: boolean;
  readonly schema: readonly SchemaAttribute[];
  readonly triggers: TriggerConfig;
}

/** Cognito's password policy when a pool sets none; a policy that omits a rule also gets these values. */
const DEFAULT_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

/**
 * A user pool's settings from its resolved `AWS::Cognito::UserPool` properties.
 *
 * @example
 * const config = userPoolConfigOf(resource); // { id: 'us-east-1_AbC123xyz', passwordPolicy: {...}, ... }
 */
export function userPoolConfigOf(resource: ResolvedResource): UserPoolConfig {
  const p = resource.properties;
  const adminConfig = objectProp(p, 'AdminCreateUserConfig');
  return {
    id: resource.ref,
    arn: resource.arn ?? resource.attributes.Arn ?? resource.ref,
    name: stringProp(p, 'UserPoolName') ?? resource.logicalId,
    passwordPolicy: passwordPolicyOf(objectProp(objectProp(p, 'Policies'), 'PasswordPolicy')),
    usernameAttributes: stringList(p.UsernameAttributes),
    aliasAttributes: stringList(p.AliasAttributes),
    autoVerifiedAttributes: stringList(p.AutoVerifiedAttributes),
    caseSensitive: objectProp(p, 'UsernameConfiguration').CaseSensitive !== false,
    allowAdminCreateUserOnly: adminConfig.AllowAdminCreateUserOnly === true,
    schema: schemaOf(p.Schema),
    triggers: triggersOf(objectProp(p, 'LambdaConfig')),
  };
}

function passwordPolicyOf(policy: JsonObject): PasswordPolicy {
  const flag = (name: string, fallback: boolean) => (typeof policy[name] === 'boolean' ? (policy[name] as boolean) : fallback);
  return {
    minimumLength: numberProp(policy, 'MinimumLength') ?? DEFAULT_POLICY.minimumLength,
    requireUppercase: flag('RequireUppercase', DEFAULT_POLICY.requireUppercase),
    requireLowercase: flag('RequireLowercase', DEFAULT_POLICY.requireLowercase),
    requireNumbers: flag('RequireNumbers', DEFAULT_POLICY.requireNumbers),
    requireSymbols: flag('RequireSymbols', DEFAULT_POLICY.requireSymbols),
    temporaryPasswordValidityDays: numberProp(policy, 'TemporaryPasswordValidityDays') ?? DEFAULT_POLICY.temporaryPasswordValidityDays,
  };
}

function schemaOf(schema: Json | undefined): SchemaAttribute[] {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || typeof entry.Name !== 'string') return [];
    // Standard attributes are declared without a data type; custom ones always carry one.
    const custom = entry.Name.startsWith('custom:') || typeof entry.AttributeDataType === 'string' && !STANDARD_ATTRIBUTES.has(entry.Name);
    return [{ name: custom ? `custom:${entry.Name.replace(/^custom:/, '')}` : entry.Name, required: entry.Required === true, custom }];
  });
}

function triggersOf(config: JsonObject): TriggerConfig {
  const preTokenConfig = objectProp(config, 'PreTokenGenerationConfig');
  const preTokenArn = stringProp(preTokenConfig, 'LambdaArn') ?? stringProp(config, 'PreTokenGeneration');
  const version = (stringProp(preTokenConfig, 'LambdaVersion') ?? 'V1_0').slice(1, 2) as PreTokenVersion;
  return {
    preSignUp: stringProp(config, 'PreSignUp'),
    postConfirmation: stringProp(config, 'PostConfirmation'),
    preAuthentication: stringProp(config, 'PreAuthentication'),
    postAuthentication: stringProp(config, 'PostAuthentication'),
    ...(preTokenArn && { preTokenGeneration: { arn: preTokenArn, version } }),
  };
}

/** Cognito's standard attributes: anything else a user carries must be declared `custom:`. */
export const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'sub', 'updated_at', 'website', 'zoneinfo',
]);

/** @internal */
export function objectProp(source: JsonObject, name: string): JsonObject {
  const value = source[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** @internal */
export function stringProp(source: JsonObject, name: string): string | undefined {
  const value = source[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** @internal */
export function numberProp(source: JsonObject, name: string): number | undefined {
  const value = source[name];
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
}

/** @internal */
export function stringList(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

import type { Json, ResolvedResource } from '../core/contracts';
import { SecretsManagerError } from './errors';
import { generatePassword, type PasswordOptions } from './generate-password';
import type { SecretStore, SecretValue } from './secret-store';

/** A template's AWS::SecretsManager::Secret could not be created. */
export class SecretResourceError extends Error {
  override readonly name = 'SecretResourceError';
  readonly code = 'SECRETSMANAGER.INVALID_SECRET_RESOURCE';

  constructor(resource: Pick<ResolvedResource, 'stackName' | 'logicalId'>, reason: string, options?: { cause?: unknown }) {
    super(`${resource.stackName}/${resource.logicalId} (AWS::SecretsManager::Secret): ${reason}`, options);
  }
}

type SecretResource = Pick<ResolvedResource, 'stackName' | 'logicalId' | 'physicalName' | 'ref' | 'properties'> & { readonly arn?: string };

/**
 * Creates the secret of a resolved AWS::SecretsManager::Secret, under the ARN its `Ref` resolved to, with its
 * SecretString or a value made by GenerateSecretString (a password, or a JSON template with the password
 * added under GenerateStringKey).
 *
 * @example
 * loadSecret(store, { stackName: 'Shop', logicalId: 'DbSecret', physicalName: 'shop/db', ref: arn, arn,
 *   properties: { GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: 'password' } } });
 */
export function loadSecret(store: SecretStore, resource: SecretResource): void {
  const { Description: description, KmsKeyId: kmsKeyId, Tags: tags } = resource.properties;
  try {
    const value = secretValueOf(resource);
    store.create({
      name: resource.physicalName,
      arn: resource.arn ?? resource.ref,
      ...(value && { value }),
      ...(typeof description === 'string' && { description }),
      ...(typeof kmsKeyId === 'string' && { kmsKeyId }),
      ...(Array.isArray(tags) && { tags: tags.map((tag) => ({ Key: String(field(tag, 'Key')), Value: String(field(tag, 'Value')) })) }),
    });
  } catch (err) {
    if (err instanceof SecretsManagerError) throw new SecretResourceError(resource, `${err.code}: ${err.message}`, { cause: err });
    throw err;
  }
}

function secretValueOf(resource: SecretResource): SecretValue | undefined {
  const { SecretString: secretString, GenerateSecretString: generate } = resource.properties;
  if (secretString !== undefined && generate !== undefined) throw new SecretResourceError(resource, 'SecretString and GenerateSecretString cannot both be set');
  if (typeof secretString === 'string') return { string: secretString };
  if (generate === undefined) return undefined;
  if (typeof generate !== 'object' || generate === null || Array.isArray(generate)) throw new SecretResourceError(resource, 'GenerateSecretString must be an object');
  return { string: generatedString(resource, generate) };
}

function generatedString(resource: SecretResource, spec: { [key: string]: Json }): string {
  const password = generatePassword(passwordOptions(spec));
  const template = spec.SecretStringTemplate;
  const key = spec.GenerateStringKey;
  if ((template === undefined) !== (key === undefined)) throw new SecretResourceError(resource, 'SecretStringTemplate and GenerateStringKey must be set together');
  if (template === undefined) return password;
  const parsed = parseTemplate(resource, String(template));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SecretResourceError(resource, 'SecretStringTemplate must be a JSON object');
  return JSON.stringify({ ...parsed, [String(key)]: password });
}

function parseTemplate(resource: SecretResource, template: string): unknown {
  try {
    return JSON.parse(template);
  } catch (err) {
    throw new SecretResourceError(resource, 'SecretStringTemplate is not valid JSON', { cause: err });
  }
}

/** Resolved templates may carry numbers and booleans as strings ("32", "true"). */
function passwordOptions(spec: { [key: string]: Json }): PasswordOptions {
  const flag = (name: string) => spec[name] === true || spec[name] === 'true';
  const length = spec.PasswordLength;
  const exclude = spec.ExcludeCharacters;
  return {
    ...(length !== undefined && { length: Number(length) }),
    ...(typeof exclude === 'string' && { excludeCharacters: exclude }),
    excludeLowercase: flag('ExcludeLowercase'),
    excludeUppercase: flag('ExcludeUppercase'),
    excludeNumbers: flag('ExcludeNumbers'),
    excludePunctuation: flag('ExcludePunctuation'),
    includeSpace: flag('IncludeSpace'),
    requireEachIncludedType: spec.RequireEachIncludedType === undefined || flag('RequireEachIncludedType'),
  };
}

const field = (value: Json, name: string): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value[name] : undefined;

import type { Json, JsonObject } from '../../core/contracts';
import { invalidRequest } from '../errors';
import { generatePassword } from '../generate-password';
import type { SecretStore, SecretValue, SecretVersionView } from '../secret-store';
import type { SecretsManagerOperation } from './json-endpoint';
import { optionalBoolean, optionalNumber, optionalString, requiredString, secretValue, tags } from './input';

/**
 * The Secrets Manager operations, on one store.
 *
 * @example
 * const endpoint = makeSecretsManagerJsonEndpoint(secretOperations(store), logger);
 */
export function secretOperations(store: SecretStore): Record<string, SecretsManagerOperation> {
  return {
    CreateSecret: (input) => {
      const value = secretValue(input);
      const description = optionalString(input, 'Description');
      const kmsKeyId = optionalString(input, 'KmsKeyId');
      const token = optionalString(input, 'ClientRequestToken');
      const created = store.create({
        name: requiredString(input, 'Name'),
        tags: tags(input),
        ...(value && { value }),
        ...(description !== undefined && { description }),
        ...(kmsKeyId !== undefined && { kmsKeyId }),
        ...(token !== undefined && { clientRequestToken: token }),
      });
      return { ARN: created.arn, Name: created.name, ...(created.versionId !== undefined && { VersionId: created.versionId }) };
    },
    PutSecretValue: (input) => {
      const value = secretValue(input);
      if (!value) throw invalidRequest('You must provide either SecretString or SecretBinary.');
      const token = optionalString(input, 'ClientRequestToken');
      const stages = input.VersionStages;
      const version = store.putValue(requiredString(input, 'SecretId'), value, {
        ...(token !== undefined && { clientRequestToken: token }),
        ...(Array.isArray(stages) && { stages: stages.map(String) }),
      });
      return { ARN: version.arn, Name: version.name, VersionId: version.versionId, VersionStages: version.stages };
    },
    GetSecretValue: (input) => {
      const versionId = optionalString(input, 'VersionId');
      const stage = optionalString(input, 'VersionStage');
      const version = store.getValue(requiredString(input, 'SecretId'), {
        ...(versionId !== undefined && { versionId }),
        ...(stage !== undefined && { stage }),
      });
      return wireVersion(version);
    },
    DescribeSecret: (input) => describeSecret(store, requiredString(input, 'SecretId')),
    GetRandomPassword: (input) => ({ RandomPassword: randomPassword(input) }),
  };
}

function describeSecret(store: SecretStore, secretId: string): Json {
  const secret = store.describe(secretId);
  return {
    ARN: secret.arn,
    Name: secret.name,
    RotationEnabled: false,
    CreatedDate: seconds(secret.created),
    LastChangedDate: seconds(secret.lastChanged),
    Tags: secret.tags.map(({ Key, Value }) => ({ Key, Value })),
    VersionIdsToStages: secret.versionIdsToStages,
    ...(secret.description !== undefined && { Description: secret.description }),
    ...(secret.kmsKeyId !== undefined && { KmsKeyId: secret.kmsKeyId }),
    // AWS reports the day of the last access, not the moment.
    ...(secret.lastAccessed && { LastAccessedDate: seconds(new Date(secret.lastAccessed.toISOString().slice(0, 10))) }),
  };
}

function randomPassword(input: Record<string, unknown>): string {
  const length = optionalNumber(input, 'PasswordLength');
  const exclude = optionalString(input, 'ExcludeCharacters');
  const flag = (member: string) => optionalBoolean(input, member) ?? false;
  return generatePassword({
    ...(length !== undefined && { length }),
    ...(exclude !== undefined && { excludeCharacters: exclude }),
    excludeLowercase: flag('ExcludeLowercase'),
    excludeUppercase: flag('ExcludeUppercase'),
    excludeNumbers: flag('ExcludeNumbers'),
    excludePunctuation: flag('ExcludePunctuation'),
    includeSpace: flag('IncludeSpace'),
    requireEachIncludedType: optionalBoolean(input, 'RequireEachIncludedType') ?? true,
  });
}

function wireVersion(version: SecretVersionView): JsonObject {
  return {
    ARN: version.arn,
    Name: version.name,
    VersionId: version.versionId,
    VersionStages: version.stages,
    CreatedDate: seconds(version.created),
    ...wireValue(version.value),
  };
}

const wireValue = (value: SecretValue): JsonObject => ('string' in value ? { SecretString: value.string } : { SecretBinary: value.binary.toString('base64') });

/** JSON 1.1 timestamps are epoch seconds. */
const seconds = (date: Date): number => date.getTime() / 1000;

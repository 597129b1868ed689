export {
  createSecretsManagerService,
  secretReader,
  secretsManagerService,
  SecretsManagerNotStartedError,
  type SecretsAccess,
  type SecretsManagerPlugin,
  type SecretsManagerService,
} from './service';
export { SecretStore, type CreateSecretInput, type SecretMetadata, type SecretValue, type SecretVersionView } from './secret-store';
export { generatePassword, type PasswordOptions } from './generate-password';
export { loadSecret, SecretResourceError } from './template';
export { SecretsManagerError } from './errors';

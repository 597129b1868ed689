import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Reads one secret's string value. */
export type SecretReader = (secretArn: string) => Promise<string>;

/** The secret named by SHOP_PAYMENTS_API_KEY_SECRET_ARN holds no string. */
export class EmptySecretError extends Error {
  override readonly name = 'EmptySecretError';
  readonly code = 'STOREFRONT.SECRET_EMPTY';
}

/**
 * In AWS the payment sandbox's API key reaches the storefront by reference (SHOP_PAYMENTS_API_KEY_SECRET_ARN, a
 * Secrets Manager ARN the server's role may read, never the key in a Lambda environment variable): read it once,
 * at server start, into SHOP_PAYMENTS_API_KEY, which the configuration reads. Locally (`npm start`) the key is
 * given directly and nothing is read.
 *
 * @example
 * await resolveSecretEnv(process.env, secretsManagerReader());
 */
export async function resolveSecretEnv(env: Record<string, string | undefined>, readSecret: SecretReader): Promise<void> {
  const arn = env['SHOP_PAYMENTS_API_KEY_SECRET_ARN'];
  if (env['SHOP_PAYMENTS_API_KEY'] || !arn) return;
  const value = await readSecret(arn);
  if (!value) throw new EmptySecretError(`The secret ${arn} holds no string: it must hold the payment sandbox's API key`);
  env['SHOP_PAYMENTS_API_KEY'] = value;
}

/** Reads secrets with Secrets Manager (region and credentials from the environment, as on Lambda). */
export function secretsManagerReader(client = new SecretsManagerClient({})): SecretReader {
  return async (secretArn) => (await client.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString ?? '';
}

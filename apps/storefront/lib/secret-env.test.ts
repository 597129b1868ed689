import { describe, expect, it } from 'vitest';
import { EmptySecretError, resolveSecretEnv } from './secret-env';

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:payments-api-key-AbCdEf';

describe('resolveSecretEnv', () => {
  it('reads the payment API key from the secret the ARN names', async () => {
    const env: Record<string, string | undefined> = { SHOP_PAYMENTS_API_KEY_SECRET_ARN: ARN };
    const read: string[] = [];

    await resolveSecretEnv(env, async (arn) => (read.push(arn), 'sk_sandbox_123'));

    expect(env['SHOP_PAYMENTS_API_KEY']).toBe('sk_sandbox_123');
    expect(read).toEqual([ARN]);
  });

  it('keeps a key given directly and reads nothing', async () => {
    const env: Record<string, string | undefined> = { SHOP_PAYMENTS_API_KEY: 'local-key', SHOP_PAYMENTS_API_KEY_SECRET_ARN: ARN };
    let reads = 0;

    await resolveSecretEnv(env, async () => (reads++, 'other'));

    expect(env['SHOP_PAYMENTS_API_KEY']).toBe('local-key');
    expect(reads).toBe(0);
  });

  it('refuses an empty secret rather than start without a key', async () => {
    const env: Record<string, string | undefined> = { SHOP_PAYMENTS_API_KEY_SECRET_ARN: ARN };

    await expect(resolveSecretEnv(env, async () => '')).rejects.toBeInstanceOf(EmptySecretError);
    expect(env['SHOP_PAYMENTS_API_KEY']).toBeUndefined();
  });
});

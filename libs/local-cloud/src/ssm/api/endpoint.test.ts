import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersCommand,
  paginateGetParametersByPath,
  ParameterAlreadyExists,
  ParameterNotFound,
  ParameterPatternMismatchException,
  ParameterVersionNotFound,
  PutParameterCommand,
  type Parameter,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSsm, TEST_ACCOUNT, TEST_REGION, type LocalSsm } from '../test-server';

let local: LocalSsm;

beforeAll(async () => {
  local = await startLocalSsm();
});
afterAll(() => local.close());

const put = (Name: string, Value: string, extra: Partial<ConstructorParameters<typeof PutParameterCommand>[0]> = {}) =>
  local.client.send(new PutParameterCommand({ Name, Value, Type: 'String', ...extra }));

describe('the SSM Parameter Store API', () => {
  it('round-trips a String parameter with its version, type and ARN', async () => {
    await put('/shop/api-url', 'http://127.0.0.1:4566/api');

    const { Parameter } = await local.client.send(new GetParameterCommand({ Name: '/shop/api-url' }));

    expect(Parameter).toMatchObject({
      Name: '/shop/api-url',
      Type: 'String',
      Value: 'http://127.0.0.1:4566/api',
      Version: 1,
      DataType: 'text',
      ARN: `arn:aws:ssm:${TEST_REGION}:${TEST_ACCOUNT}:parameter/shop/api-url`,
    });
    expect(Parameter?.LastModifiedDate).toBeInstanceOf(Date);
  });

  it('refuses to replace a parameter unless Overwrite is set', async () => {
    await put('/shop/mode', 'test');

    const replaced = put('/shop/mode', 'live');

    await expect(replaced).rejects.toBeInstanceOf(ParameterAlreadyExists);
  });

  it('increments the version on overwrite and still serves an older version by selector', async () => {
    await put('/shop/flags', 'a');

    const { Version } = await put('/shop/flags', 'b', { Overwrite: true });
    const latest = await local.client.send(new GetParameterCommand({ Name: '/shop/flags' }));
    const first = await local.client.send(new GetParameterCommand({ Name: '/shop/flags:1' }));

    expect(Version).toBe(2);
    expect(latest.Parameter).toMatchObject({ Value: 'b', Version: 2 });
    expect(first.Parameter).toMatchObject({ Value: 'a', Version: 1, Selector: ':1' });
  });

  it('answers ParameterNotFound and ParameterVersionNotFound for what does not exist', async () => {
    await put('/shop/one-version', 'x');

    const missing = local.client.send(new GetParameterCommand({ Name: '/shop/nothing-here' }));
    const missingVersion = local.client.send(new GetParameterCommand({ Name: '/shop/one-version:7' }));
    const deleteMissing = local.client.send(new DeleteParameterCommand({ Name: '/shop/nothing-here' }));

    await expect(missing).rejects.toBeInstanceOf(ParameterNotFound);
    await expect(missingVersion).rejects.toBeInstanceOf(ParameterVersionNotFound);
    await expect(deleteMissing).rejects.toMatchObject({ name: 'ParameterNotFound', $metadata: { httpStatusCode: 400 } });
  });

  it('returns ciphertext for a SecureString unless asked to decrypt', async () => {
    await put('/shop/payment-key', 'sk_test_123', { Type: 'SecureString' });

    const encrypted = await local.client.send(new GetParameterCommand({ Name: '/shop/payment-key' }));
    const decrypted = await local.client.send(new GetParameterCommand({ Name: '/shop/payment-key', WithDecryption: true }));

    expect(encrypted.Parameter?.Type).toBe('SecureString');
    expect(encrypted.Parameter?.Value).not.toContain('sk_test_123');
    expect(decrypted.Parameter?.Value).toBe('sk_test_123');
  });

  it('gets several parameters at once and lists the names it could not find', async () => {
    await put('/multi/a', '1');
    await put('/multi/b', 'x,y', { Type: 'StringList' });

    const result = await local.client.send(new GetParametersCommand({ Names: ['/multi/a', '/multi/b', '/multi/zzz'] }));

    expect(result.Parameters?.map((p) => [p.Name, p.Type, p.Value])).toEqual([
      ['/multi/a', 'String', '1'],
      ['/multi/b', 'StringList', 'x,y'],
    ]);
    expect(result.InvalidParameters).toEqual(['/multi/zzz']);
  });

  it('lists one level of a path, or the whole hierarchy when recursive, across pages', async () => {
    for (const name of ['/tree/a', '/tree/b', '/tree/c', '/tree/sub/d', '/tree/sub/deeper/e', '/treehouse/x']) await put(name, name);

    const collect = async (Recursive: boolean) => {
      const names: string[] = [];
      const pages = paginateGetParametersByPath({ client: local.client, pageSize: 2 }, { Path: '/tree', Recursive });
      for await (const page of pages) names.push(...(page.Parameters ?? []).map((p: Parameter) => p.Name ?? ''));
      return names;
    };

    expect(await collect(false)).toEqual(['/tree/a', '/tree/b', '/tree/c']);
    expect(await collect(true)).toEqual(['/tree/a', '/tree/b', '/tree/c', '/tree/sub/d', '/tree/sub/deeper/e']);
  });

  it('deletes a parameter', async () => {
    await put('/shop/temporary', 'x');

    await local.client.send(new DeleteParameterCommand({ Name: '/shop/temporary' }));

    await expect(local.client.send(new GetParameterCommand({ Name: '/shop/temporary' }))).rejects.toBeInstanceOf(ParameterNotFound);
  });

  it('validates names and allowed patterns as SSM does', async () => {
    const relative = put('shop/relative', 'x');
    const mismatch = put('/shop/port', 'eighty', { AllowedPattern: '^\\d+$' });
    const untyped = local.client.send(new PutParameterCommand({ Name: '/shop/untyped', Value: 'x' }));

    await expect(relative).rejects.toMatchObject({ name: 'ValidationException', message: 'Parameter name must be a fully qualified name.' });
    await expect(mismatch).rejects.toBeInstanceOf(ParameterPatternMismatchException);
    await expect(untyped).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

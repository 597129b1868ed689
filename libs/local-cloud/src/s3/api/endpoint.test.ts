import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  paginateListObjectsV2,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../test-server';

let local: LocalS3;

beforeAll(async () => {
  local = await startLocalS3();
  await local.service.createBucket('shop-assets');
});
afterAll(() => local.close());

const put = (Key: string, Body: string, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
  local.client.send(new PutObjectCommand({ Bucket: 'shop-assets', Key, Body, ...extra }));

describe('the S3 API', () => {
  it('stores an object with its content type and metadata, and an MD5 ETag', async () => {
    const put1 = await put('products/p1.json', '{"id":"p1"}', { ContentType: 'application/json', Metadata: { owner: 'products' } });

    const got = await local.client.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'products/p1.json' }));
    const head = await local.client.send(new HeadObjectCommand({ Bucket: 'shop-assets', Key: 'products/p1.json' }));

    const md5 = `"${createHash('md5').update('{"id":"p1"}').digest('hex')}"`;
    expect(put1.ETag).toBe(md5);
    expect(await got.Body?.transformToString()).toBe('{"id":"p1"}');
    expect(got).toMatchObject({ ContentType: 'application/json', Metadata: { owner: 'products' }, ETag: md5 });
    expect(head).toMatchObject({ ContentLength: 11, ContentType: 'application/json', ETag: md5 });
  });

  it('serves a byte range', async () => {
    await put('ranges/alphabet.txt', 'abcdefghijklmnopqrstuvwxyz');

    const got = await local.client.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'ranges/alphabet.txt', Range: 'bytes=2-5' }));

    expect(got.$metadata.httpStatusCode).toBe(206);
    expect(got.ContentRange).toBe('bytes 2-5/26');
    expect(await got.Body?.transformToString()).toBe('cdef');
  });

  it('lists by prefix and delimiter, a page at a time', async () => {
    for (const key of ['list/a.txt', 'list/b.txt', 'list/c.txt', 'list/sub/d.txt', 'list/sub/e.txt']) await put(key, key);

    const pages = [];
    for await (const page of paginateListObjectsV2({ client: local.client, pageSize: 2 }, { Bucket: 'shop-assets', Prefix: 'list/', Delimiter: '/' })) pages.push(page);

    expect(pages.flatMap((page) => (page.Contents ?? []).map((object) => object.Key))).toEqual(['list/a.txt', 'list/b.txt', 'list/c.txt']);
    expect(pages.flatMap((page) => (page.CommonPrefixes ?? []).map((prefix) => prefix.Prefix))).toEqual(['list/sub/']);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('copies an object with its metadata', async () => {
    await put('copy/source.txt', 'payload', { ContentType: 'text/plain', Metadata: { origin: 'test' } });

    await local.client.send(new CopyObjectCommand({ Bucket: 'shop-assets', Key: 'copy/target.txt', CopySource: 'shop-assets/copy/source.txt' }));

    const copied = await local.client.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'copy/target.txt' }));
    expect(await copied.Body?.transformToString()).toBe('payload');
    expect(copied).toMatchObject({ ContentType: 'text/plain', Metadata: { origin: 'test' } });
  });

  it('deletes an object, after which it is NoSuchKey with status 404', async () => {
    await put('delete/me.txt', 'x');

    await local.client.send(new DeleteObjectCommand({ Bucket: 'shop-assets', Key: 'delete/me.txt' }));

    const got = local.client.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'delete/me.txt' }));
    await expect(got).rejects.toBeInstanceOf(NoSuchKey);
    await expect(got).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const listed = local.client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' }));

    await expect(listed).rejects.toBeInstanceOf(NoSuchBucket);
  });

  it('refuses a body that does not match its Content-MD5', async () => {
    const wrongMd5 = createHash('md5').update('something else').digest('base64');

    const stored = put('integrity/file.txt', 'the real body', { ContentMD5: wrongMd5 });

    await expect(stored).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
  });

  it('serves forcePathStyle clients and virtual-hosted-style clients alike', async () => {
    await put('styles/shared.txt', 'same object');
    const pathStyle = local.makeClient({ forcePathStyle: true });
    // Virtual-hosted style needs *.s3.localhost to reach 127.0.0.1, as a wildcard DNS entry would.
    const httpAgent = new Agent({ lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) });
    const virtualHosted = local.makeClient({ endpoint: `http://s3.localhost:${local.port}`, requestHandler: { httpAgent } });

    const viaPath = await pathStyle.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'styles/shared.txt' }));
    const viaHost = await virtualHosted.send(new GetObjectCommand({ Bucket: 'shop-assets', Key: 'styles/shared.txt' }));

    expect(await viaPath.Body?.transformToString()).toBe('same object');
    expect(await viaHost.Body?.transformToString()).toBe('same object');
  });

  it('answers GetBucketLocation, and NotImplemented for configuration it does not keep', async () => {
    const location = await local.client.send(new GetBucketLocationCommand({ Bucket: 'shop-assets' }));
    const versioning = local.client.send(new GetBucketVersioningCommand({ Bucket: 'shop-assets' }));

    expect(location.LocationConstraint).toBeUndefined();
    await expect(versioning).rejects.toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
  });
});

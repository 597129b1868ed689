import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, TEST_REGION, type LocalS3 } from '../test-server';

let local: LocalS3;

beforeAll(async () => {
  local = await startLocalS3();
  await local.service.createBucket('shop-invoices');
  await local.client.send(new PutObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf', Body: '%PDF-1.7 invoice', ContentType: 'application/pdf' }));
});
afterAll(() => local.close());

const TWO_HOURS_AGO = () => new Date(Date.now() - 2 * 3600_000);

describe('presigned URLs', () => {
  it('lets plain fetch download an object, with the response headers the URL asks for', async () => {
    const command = new GetObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf', ResponseContentDisposition: 'attachment; filename="invoice.pdf"' });
    const url = await getSignedUrl(local.client, command, { expiresIn: 300 });

    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF-1.7 invoice');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="invoice.pdf"');
  });

  it('lets plain fetch upload an object, with the metadata signed into the URL', async () => {
    // WHEN_REQUIRED: otherwise the SDK signs the CRC32 of an empty body into the URL (see the next test).
    const presigner = local.makeClient({ requestChecksumCalculation: 'WHEN_REQUIRED' });
    const command = new PutObjectCommand({ Bucket: 'shop-invoices', Key: 'uploads/photo.png', Metadata: { uploader: 'u-42' } });
    const url = await getSignedUrl(presigner, command, { expiresIn: 300 });

    const response = await fetch(url, { method: 'PUT', body: 'png-bytes', headers: { 'content-type': 'image/png' } });

    const head = await local.client.send(new HeadObjectCommand({ Bucket: 'shop-invoices', Key: 'uploads/photo.png' }));
    expect(response.status).toBe(200);
    expect(head).toMatchObject({ ContentLength: 9, ContentType: 'image/png', Metadata: { uploader: 'u-42' } });
  });

  it('refuses an upload whose body does not match the checksum signed into the URL', async () => {
    const command = new PutObjectCommand({ Bucket: 'shop-invoices', Key: 'uploads/checked.txt' });
    const url = await getSignedUrl(local.client, command, { expiresIn: 300 });

    const response = await fetch(url, { method: 'PUT', body: 'not an empty body' });

    expect(new URL(url).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>BadDigest</Code>');
  });

  it('refuses an expired URL with 403 AccessDenied "Request has expired"', async () => {
    const command = new GetObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf' });
    const url = await getSignedUrl(local.client, command, { expiresIn: 60, signingDate: TWO_HOURS_AGO() });

    const response = await fetch(url);

    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).toContain('<Message>Request has expired</Message>');
  });

  it('refuses a tampered URL with 403 SignatureDoesNotMatch', async () => {
    const command = new GetObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf' });
    const url = new URL(await getSignedUrl(local.client, command, { expiresIn: 60 }));
    url.searchParams.set('X-Amz-Expires', '604800');

    const response = await fetch(url);

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses a URL signed with credentials the local cloud never issued', async () => {
    const stranger = local.makeClient({ credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'guessed' } });
    const url = await getSignedUrl(stranger, new GetObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf' }), { expiresIn: 60 });

    const response = await fetch(url);

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>InvalidAccessKeyId</Code>');
  });

  it('signs for the service region only', async () => {
    const otherRegion = local.makeClient({ region: TEST_REGION === 'us-east-1' ? 'eu-west-1' : 'us-east-1' });
    const url = await getSignedUrl(otherRegion, new GetObjectCommand({ Bucket: 'shop-invoices', Key: 'inv/2025 #1.pdf' }), { expiresIn: 60 });

    const response = await fetch(url);

    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>AuthorizationQueryParametersError</Code>');
  });
});

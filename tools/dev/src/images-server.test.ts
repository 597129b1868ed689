import { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImagesServer, startImagesServer } from './images-server';

const s3 = mockClient(S3Client);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
let images: ImagesServer;

beforeEach(async () => {
  s3.reset();
  images = await startImagesServer(new S3Client({ region: 'us-east-1' }), 'shop-images');
});
afterEach(() => images.stop());

describe('startImagesServer', () => {
  it('answers an object of the bucket with its content type', async () => {
    s3.on(GetObjectCommand, { Bucket: 'shop-images', Key: 'products/mug blue.svg' }).resolves({
      // The server only pipes the body: a plain Node stream is what the SDK gives it in Node.
      Body: Readable.from([Buffer.from(SVG)]) as unknown as GetObjectCommandOutput['Body'],
      ContentType: 'image/svg+xml',
      ContentLength: SVG.length,
    });

    const response = await fetch(`${images.url}/products/mug%20blue.svg`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toBe(SVG);
  });

  it('answers 404 for a key the bucket does not have', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));

    const response = await fetch(`${images.url}/products/none.svg`);

    expect(response.status).toBe(404);
  });

  it('refuses to change anything', async () => {
    const response = await fetch(`${images.url}/products/mug.svg`, { method: 'PUT', body: 'x' });

    expect(response.status).toBe(405);
    expect(s3.calls()).toHaveLength(0);
  });
});

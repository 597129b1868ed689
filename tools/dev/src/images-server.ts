import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';

/** Serves a private bucket's objects over plain HTTP on 127.0.0.1, as a CDN in front of it would. */
export interface ImagesServer {
  /** The base URL: `<url>/<key>` is the object `key`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a read-only HTTP server for `bucket`: `GET /<key>` answers the object with its content type, `404` for a
 * missing key, `405` for anything but GET and HEAD. The images bucket is private (as in AWS, where a CDN with
 * origin access control would serve it), so browsers cannot fetch from the local S3 API unsigned: this signs for them.
 *
 * @example
 * const images = await startImagesServer(s3, 'shop-images');
 * await fetch(`${images.url}/products/mug.svg`);
 * await images.stop();
 */
export async function startImagesServer(s3: S3Client, bucket: string): Promise<ImagesServer> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
      const key = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname.slice(1));
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        res.writeHead(200, {
          'content-type': object.ContentType ?? 'application/octet-stream',
          ...(object.ContentLength !== undefined && { 'content-length': String(object.ContentLength) }),
          ...(object.ETag && { etag: object.ETag }),
          'cache-control': 'public, max-age=300',
        });
        if (req.method === 'HEAD') return void res.end();
        (object.Body as Readable).pipe(res);
      } catch (err) {
        if (err instanceof NoSuchKey) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`No image ${key}\n`);
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`The images bucket answered: ${(err as Error).message}\n`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

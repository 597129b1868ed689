/** Where a request points, path-style: `/bucket/key` still percent-encoded, plus the bucket name. */
export interface S3Address {
  readonly bucket?: string;
  /** The object key, decoded; absent for bucket and service requests. */
  readonly key?: string;
  /** The path-style path, percent-encoded as it arrived. */
  readonly path: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The bucket a virtual-hosted-style Host names (`bucket.s3.localhost:4566`, `bucket.localhost`,
 * `bucket.s3.us-east-1.amazonaws.com`), or undefined for path-style hosts (`127.0.0.1:4566`, `localhost`,
 * `s3.localhost`, `[::1]`).
 *
 * @example
 * bucketOfHost('invoices.s3.localhost:4566'); // 'invoices'
 * bucketOfHost('127.0.0.1:4566');            // undefined
 */
export function bucketOfHost(host: string | undefined): string | undefined {
  const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!hostname.includes('.') || IPV4.test(hostname) || hostname.startsWith('[') || hostname.startsWith('s3.') || hostname.startsWith('s3-')) return undefined;
  const beforeS3 = /^(.+?)\.s3[.-]/.exec(hostname)?.[1];
  if (beforeS3) return beforeS3;
  return hostname.endsWith('.localhost') ? hostname.slice(0, -'.localhost'.length) : undefined;
}

/**
 * Turns either addressing style into a path-style address.
 *
 * @example
 * toPathStyle('invoices.s3.localhost:4566', '/2025/inv%201.pdf'); // { bucket: 'invoices', key: '2025/inv 1.pdf', path: '/invoices/2025/inv%201.pdf' }
 * toPathStyle('127.0.0.1:4566', '/invoices/2025/inv%201.pdf');   // the same
 */
export function toPathStyle(host: string | undefined, rawPath: string): S3Address {
  const virtualBucket = bucketOfHost(host);
  const path = virtualBucket ? `/${virtualBucket}${rawPath.startsWith('/') ? '' : '/'}${rawPath}` : rawPath;
  const slash = path.indexOf('/', 1);
  const bucket = decode(slash < 0 ? path.slice(1) : path.slice(1, slash));
  const key = slash < 0 ? '' : decode(path.slice(slash + 1));
  return { path, ...(bucket !== '' && { bucket }), ...(key !== '' && { key }) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

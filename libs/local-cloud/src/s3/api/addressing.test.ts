import { describe, expect, it } from 'vitest';
import { bucketOfHost, toPathStyle } from './addressing';

describe('S3 addressing', () => {
  it('finds the bucket of virtual-hosted-style hosts', () => {
    expect(bucketOfHost('invoices.s3.localhost:4566')).toBe('invoices');
    expect(bucketOfHost('invoices.localhost')).toBe('invoices');
    expect(bucketOfHost('my.dotted.bucket.s3.us-east-1.amazonaws.com')).toBe('my.dotted.bucket');
    expect(bucketOfHost('assets.s3-website-us-east-1.amazonaws.com')).toBe('assets');
  });

  it('treats addresses, plain hosts and the service host as path-style', () => {
    expect(bucketOfHost('127.0.0.1:4566')).toBeUndefined();
    expect(bucketOfHost('localhost:4566')).toBeUndefined();
    expect(bucketOfHost('s3.localhost:4566')).toBeUndefined();
    expect(bucketOfHost('[::1]:4566')).toBeUndefined();
    expect(bucketOfHost(undefined)).toBeUndefined();
  });

  it('rewrites both styles to one path-style address with the decoded key', () => {
    const virtual = toPathStyle('invoices.s3.localhost:4566', '/2025/inv%201.pdf');
    const path = toPathStyle('127.0.0.1:4566', '/invoices/2025/inv%201.pdf');

    expect(virtual).toEqual({ bucket: 'invoices', key: '2025/inv 1.pdf', path: '/invoices/2025/inv%201.pdf' });
    expect(path).toEqual(virtual);
  });

  it('leaves the key out of bucket and service requests', () => {
    expect(toPathStyle('127.0.0.1', '/invoices/')).toEqual({ bucket: 'invoices', path: '/invoices/' });
    expect(toPathStyle('invoices.localhost', '/')).toEqual({ bucket: 'invoices', path: '/invoices/' });
    expect(toPathStyle('127.0.0.1', '/')).toEqual({ path: '/' });
  });
});

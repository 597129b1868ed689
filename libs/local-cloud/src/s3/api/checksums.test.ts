import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3Error } from '../errors';
import { decodeAwsChunked } from './aws-chunked';
import { assertIntegrity } from './checksums';

const HELLO = Buffer.from('hello');

describe('upload integrity', () => {
  it('accepts the right digests of every supported algorithm', () => {
    const declared = {
      'content-md5': createHash('md5').update(HELLO).digest('base64'),
      'x-amz-checksum-crc32': 'NhCmhg==',
      'x-amz-checksum-crc32c': 'mnG7TA==',
      'x-amz-checksum-sha1': createHash('sha1').update(HELLO).digest('base64'),
      'x-amz-checksum-sha256': createHash('sha256').update(HELLO).digest('base64'),
      'x-amz-content-sha256': createHash('sha256').update(HELLO).digest('hex'),
    };

    expect(() => assertIntegrity(HELLO, declared)).not.toThrow();
  });

  it('refuses a body whose CRC32 is not the declared one, as with a presigned URL signed for an empty body', () => {
    const emptyBodyCrc32 = 'AAAAAA==';

    const check = () => assertIntegrity(HELLO, { 'x-amz-checksum-crc32': emptyBodyCrc32 });

    expect(check).toThrow(expect.objectContaining({ code: 'BadDigest', status: 400, message: 'The CRC32 you specified did not match the calculated checksum.' }));
  });

  it('tells a malformed digest from a mismatched one', () => {
    expect(() => assertIntegrity(HELLO, { 'content-md5': 'short' })).toThrow(expect.objectContaining({ code: 'InvalidDigest' }));
    expect(() => assertIntegrity(HELLO, { 'content-md5': createHash('md5').update('other').digest('base64') })).toThrow(expect.objectContaining({ code: 'BadDigest' }));
    expect(() => assertIntegrity(HELLO, { 'x-amz-checksum-sha256': 'AAAA' })).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
  });

  it('checks x-amz-content-sha256 only when it is a digest, not a streaming marker', () => {
    expect(() => assertIntegrity(HELLO, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })).not.toThrow();
    expect(() => assertIntegrity(HELLO, { 'x-amz-content-sha256': 'a'.repeat(64) })).toThrow(S3Error);
  });
});

describe('decodeAwsChunked', () => {
  it('joins the chunks and reads the trailing checksum', () => {
    const encoded = Buffer.from('3;chunk-signature=abc\r\nhel\r\n2\r\nlo\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n');

    const { body, trailers } = decodeAwsChunked(encoded);

    expect(body.toString()).toBe('hello');
    expect(trailers).toEqual({ 'x-amz-checksum-crc32': 'NhCmhg==' });
  });

  it('refuses a body cut short', () => {
    expect(() => decodeAwsChunked(Buffer.from('a\r\nhel'))).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
  });
});

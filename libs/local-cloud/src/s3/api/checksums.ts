import { createHash, type BinaryLike } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { S3Error } from '../errors';

const CRC32C_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32c(data: Buffer): number {
  let crc = -1;
  for (const byte of data) crc = (CRC32C_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const bigEndian = (value: number): Buffer => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
};
const digest = (algorithm: string) => (data: BinaryLike): Buffer => createHash(algorithm).update(data).digest();

/** The flexible checksums S3 verifies, by header suffix. CRC64NVME is stored unverified (see the README). */
const ALGORITHMS: Readonly<Record<string, { label: string; compute: (data: Buffer) => Buffer }>> = {
  crc32: { label: 'CRC32', compute: (data) => bigEndian(crc32(data)) },
  crc32c: { label: 'CRC32C', compute: (data) => bigEndian(crc32c(data)) },
  sha1: { label: 'SHA1', compute: digest('sha1') },
  sha256: { label: 'SHA256', compute: digest('sha256') },
};

/**
 * Checks an upload's body against every digest the request declares, as S3 does before it stores anything:
 * `Content-MD5`, `x-amz-checksum-<algorithm>` (from headers, trailers or a presigned URL) and
 * `x-amz-content-sha256`. Throws BadDigest, InvalidDigest or XAmzContentSHA256Mismatch.
 *
 * @example
 * assertIntegrity(Buffer.from('hello'), { 'x-amz-checksum-crc32': 'NhCmhg==' }); // ok
 */
export function assertIntegrity(body: Buffer, declared: Readonly<Record<string, string | undefined>>): void {
  const md5 = declared['content-md5'];
  if (md5 !== undefined) checkContentMd5(body, md5);
  for (const [suffix, { label, compute }] of Object.entries(ALGORITHMS)) {
    const value = declared[`x-amz-checksum-${suffix}`];
    if (value === undefined) continue;
    const expected = compute(body);
    const given = Buffer.from(value, 'base64');
    if (given.length !== expected.length) throw new S3Error('InvalidRequest', `Value for x-amz-checksum-${suffix} header is invalid.`, 400);
    if (!given.equals(expected)) throw new S3Error('BadDigest', `The ${label} you specified did not match the calculated checksum.`, 400);
  }
  const contentSha256 = declared['x-amz-content-sha256'];
  if (contentSha256 !== undefined && /^[0-9a-f]{64}$/i.test(contentSha256) && contentSha256.toLowerCase() !== createHash('sha256').update(body).digest('hex')) {
    throw new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  }
}

function checkContentMd5(body: Buffer, value: string): void {
  const given = Buffer.from(value, 'base64');
  if (given.length !== 16) throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400);
  if (!given.equals(createHash('md5').update(body).digest())) throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
}

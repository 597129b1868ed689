import { S3Error } from '../errors';

/**
 * Decodes an `aws-chunked` body (SigV4 streaming uploads): `<hex size>[;chunk-signature=...]\r\n<data>\r\n`
 * chunks up to a zero-size one, then trailing headers (`x-amz-checksum-crc32:...`).
 *
 * @example
 * decodeAwsChunked(Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n'));
 * // { body: <hello>, trailers: { 'x-amz-checksum-crc32': 'NhCmhg==' } }
 */
export function decodeAwsChunked(encoded: Buffer): { body: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = encoded.indexOf('\r\n', offset);
    if (lineEnd < 0) throw incomplete();
    const size = Number.parseInt(encoded.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) throw incomplete();
    offset = lineEnd + 2;
    if (size === 0) break;
    if (offset + size > encoded.length) throw incomplete();
    chunks.push(encoded.subarray(offset, offset + size));
    offset += size + 2;
  }
  return { body: Buffer.concat(chunks), trailers: parseTrailers(encoded.subarray(offset).toString('latin1')) };
}

function parseTrailers(text: string): Record<string, string> {
  const trailers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return trailers;
}

const incomplete = (): S3Error => new S3Error('IncompleteBody', 'The request body terminated unexpectedly', 400);

import { S3Error } from '../errors';
import type { PreparedRequest } from './prepare-request';

/** Bucket configuration the engine does not keep: asking for it gets a clear 501, not a wrong answer. */
const UNSUPPORTED_BUCKET = [
  'accelerate', 'acl', 'analytics', 'cors', 'encryption', 'intelligent-tiering', 'inventory', 'logging', 'metrics',
  'notification', 'object-lock', 'ownershipControls', 'policy', 'policyStatus', 'publicAccessBlock', 'replication',
  'requestPayment', 'tagging', 'versioning', 'versions', 'website',
];
const UNSUPPORTED_OBJECT = ['acl', 'tagging', 'retention', 'legal-hold', 'torrent', 'restore', 'select'];

/**
 * Refuses operations local-cloud's S3 does not emulate with S3's NotImplemented, naming the subresource,
 * instead of letting the engine mistake them for ListObjects or GetObject.
 *
 * @example
 * rejectUnsupported(prepared); // throws for GET /bucket?versioning
 */
export function rejectUnsupported(request: PreparedRequest): void {
  const names = new Set(request.query.map(([name]) => name));
  const list = request.address.key === undefined ? UNSUPPORTED_BUCKET : UNSUPPORTED_OBJECT;
  const unsupported = list.find((name) => names.has(name));
  const listUploads = request.address.key === undefined && request.method === 'GET' && names.has('uploads');
  if (unsupported || listUploads) {
    throw new S3Error('NotImplemented', `local-cloud's S3 does not emulate ?${unsupported ?? 'uploads'} (${request.method}); see src/s3/README.md`, 501);
  }
}

/**
 * GetBucketLocation's answer: empty for us-east-1, as S3 answers it.
 *
 * @example
 * locationConstraintXml('eu-west-1'); // '<?xml ...?><LocationConstraint ...>eu-west-1</LocationConstraint>'
 */
export function locationConstraintXml(region: string): string {
  const constraint = region === 'us-east-1' ? '' : region;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${constraint}</LocationConstraint>`;
}

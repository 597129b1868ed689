import type { Json } from '../core/contracts';

/** What a custom resource's provider answered, once checked as CloudFormation checks it. */
export type ProviderAnswer =
  | { readonly status: 'SUCCESS'; readonly physicalResourceId: string; readonly data: Readonly<Record<string, Json>>; readonly noEcho: boolean }
  | { readonly status: 'FAILED'; readonly reason: string };

/** CloudFormation's limits on a response object. */
const MAX_RESPONSE_BYTES = 4096;
const MAX_PHYSICAL_ID_BYTES = 1024;
const REQUIRED = ['Status', 'PhysicalResourceId', 'StackId', 'RequestId', 'LogicalResourceId'] as const;

/**
 * Reads the body a provider PUT to its ResponseURL: Status SUCCESS or FAILED (with its Reason), and for
 * SUCCESS the PhysicalResourceId (what `Ref` returns), Data (what `Fn::GetAtt` returns) and NoEcho. A
 * response CloudFormation would reject (over 4096 bytes, not JSON, a required field missing) fails the
 * resource, with CloudFormation's words.
 *
 * @example
 * readAnswer(Buffer.from('{"Status":"FAILED","Reason":"no table"}'));
 * // { status: 'FAILED', reason: 'Received response status [FAILED] from custom resource. Message returned: no table' }
 */
export function readAnswer(body: Buffer): ProviderAnswer {
  if (body.length > MAX_RESPONSE_BYTES) return invalid(`the body is ${body.length} bytes, over CloudFormation's ${MAX_RESPONSE_BYTES}`);
  const response = parseObject(body);
  if (!response) return invalid('the body is not a JSON object');
  if (response.Status === 'FAILED') {
    const reason = typeof response.Reason === 'string' && response.Reason !== '' ? response.Reason : '(no Reason given)';
    return { status: 'FAILED', reason: `Received response status [FAILED] from custom resource. Message returned: ${reason}` };
  }
  if (response.Status !== 'SUCCESS' && response.Status !== undefined) return invalid(`Status must be SUCCESS or FAILED, got ${JSON.stringify(response.Status)}`);
  const missing = REQUIRED.filter((field) => typeof response[field] !== 'string' || response[field] === '');
  if (missing.length > 0) return invalid(`The following required properties are missing: [${missing.map((field) => `/${field}`).join(', ')}]`);
  const physicalResourceId = response.PhysicalResourceId as string;
  if (Buffer.byteLength(physicalResourceId) > MAX_PHYSICAL_ID_BYTES) return invalid('PhysicalResourceId is over 1 KB');
  const data = response.Data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return invalid('Data must be a JSON object');
  return { status: 'SUCCESS', physicalResourceId, data, noEcho: response.NoEcho === true || response.NoEcho === 'true' };
}

function parseObject(body: Buffer): Record<string, Json> | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Json;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const invalid = (why: string): ProviderAnswer => ({ status: 'FAILED', reason: `Invalid response object: ${why}` });

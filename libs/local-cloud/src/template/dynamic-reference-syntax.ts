import { TemplateResolutionError } from './errors';

/** `{{resolve:secretsmanager:<secret-id>:SecretString:<json-key>:<version-stage>:<version-id>}}`. */
export interface SecretReference {
  readonly service: 'secretsmanager';
  /** The reference as written, `{{` and `}}` included. */
  readonly text: string;
  /** A name, a full ARN or an ARN without its random suffix. */
  readonly secretId: string;
  /** A key of the JSON the SecretString holds; absent: the whole SecretString. */
  readonly jsonKey?: string;
  /** A staging label; absent with `versionId` too: AWSCURRENT. */
  readonly versionStage?: string;
  readonly versionId?: string;
}

/** `{{resolve:ssm:<name>[:<version>]}}` or `{{resolve:ssm-secure:<name>[:<version>]}}`. */
export interface ParameterReference {
  readonly service: 'ssm' | 'ssm-secure';
  readonly text: string;
  /** A parameter name, or its ARN. */
  readonly name: string;
  /** Absent: the latest version. */
  readonly version?: number;
}

export type DynamicReference = SecretReference | ParameterReference;

const MARK = '{{resolve:';
const REFERENCE = /\{\{resolve:[^{}]*\}\}/g;
/** A secret's ARN: `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`, seven colon-separated parts. */
const ARN_PARTS = 7;
const PARAMETER_NAME = /^(?:[a-zA-Z0-9_.\-/]+|arn:[^:]+:ssm:[^:]*:[^:]*:parameter\/[a-zA-Z0-9_.\-/]+)$/;

/** Whether a string holds a dynamic reference (or something that starts like one). */
export const hasDynamicReference = (text: string): boolean => text.includes(MARK);

/**
 * Every dynamic reference in a string, in order, parsed. Something that starts like one (`{{resolve:`) but is
 * not one is an error, never left in place.
 *
 * @throws TemplateResolutionError for a malformed reference
 * @example
 * dynamicReferencesInText('https://{{resolve:ssm:/shop/host}}/v1'); // [{ service: 'ssm', name: '/shop/host', ... }]
 */
export function dynamicReferencesInText(text: string): DynamicReference[] {
  if (!hasDynamicReference(text)) return [];
  const found = [...text.matchAll(REFERENCE)].map(([reference]) => parseDynamicReference(reference));
  const rest = text.replace(REFERENCE, '');
  if (hasDynamicReference(rest)) throw malformed(rest.slice(rest.indexOf(MARK)), 'it does not end with "}}" (or holds "{" or "}")');
  return found;
}

/**
 * Replaces every dynamic reference in a string, in one pass, with what `valueOf` gives for its text.
 *
 * @example
 * replaceDynamicReferences('v={{resolve:ssm:/a}}', () => '1'); // 'v=1'
 */
export function replaceDynamicReferences(text: string, valueOf: (reference: string) => string): string {
  return text.replace(REFERENCE, (reference) => valueOf(reference));
}

/**
 * Reads one dynamic reference as CloudFormation documents it ("Get values stored in other services using
 * dynamic references"): a secret by name or ARN, with an optional JSON key, version stage or version id; a
 * Parameter Store parameter by name, with an optional version.
 *
 * @throws TemplateResolutionError for a malformed reference or an unknown service
 * @example
 * parseDynamicReference('{{resolve:secretsmanager:MyRDSSecret:SecretString:password}}');
 * // { service: 'secretsmanager', secretId: 'MyRDSSecret', jsonKey: 'password', text: '...' }
 */
export function parseDynamicReference(text: string): DynamicReference {
  if (!text.startsWith(MARK) || !text.endsWith('}}')) throw malformed(text, 'it is not of the form {{resolve:service-name:reference-key}}');
  const body = text.slice(MARK.length, -2);
  const colon = body.indexOf(':');
  const service = colon < 0 ? body : body.slice(0, colon);
  const key = colon < 0 ? '' : body.slice(colon + 1);
  if (service === 'secretsmanager') return secretReference(text, key);
  if (service === 'ssm' || service === 'ssm-secure') return parameterReference(text, service, key);
  throw malformed(text, `"${service}" is not a service CloudFormation resolves (ssm, ssm-secure, secretsmanager)`);
}

function secretReference(text: string, key: string): SecretReference {
  const segments = key.split(':');
  const idLength = segments[0] === 'arn' ? ARN_PARTS : 1;
  const secretId = segments.slice(0, idLength).join(':');
  const [secretString = '', jsonKey = '', versionStage = '', versionId = '', ...extra] = segments.slice(idLength);
  if (!secretId || (idLength === ARN_PARTS && segments.length < ARN_PARTS)) throw malformed(text, 'the secret-id (a name or an ARN) is missing');
  if (extra.length > 0) throw malformed(text, 'it has more segments than secret-id:SecretString:json-key:version-stage:version-id');
  if (secretString !== '' && secretString !== 'SecretString') throw malformed(text, `"${secretString}" is not SecretString, the only value CloudFormation reads`);
  if (versionStage && versionId) throw malformed(text, 'it names both a version stage and a version id: name one');
  return {
    service: 'secretsmanager',
    text,
    secretId,
    ...(jsonKey && { jsonKey }),
    ...(versionStage && { versionStage }),
    ...(versionId && { versionId }),
  };
}

function parameterReference(text: string, service: 'ssm' | 'ssm-secure', key: string): ParameterReference {
  const versioned = /^(.*):(\d+)$/.exec(key);
  const name = versioned?.[1] ?? key;
  if (!PARAMETER_NAME.test(name)) throw malformed(text, `"${name}" is not a parameter name (letters, digits and _.-/) or ARN, optionally followed by :<version>`);
  return { service, text, name, ...(versioned && { version: Number(versioned[2]) }) };
}

const malformed = (text: string, why: string) => new TemplateResolutionError(`Malformed dynamic reference ${text}: ${why}`);

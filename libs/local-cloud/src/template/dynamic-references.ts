import type { Json, JsonObject, Ports, ResolvedResource } from '../core/contracts';
import { isCustomResourceType } from './custom-resources';
import {
  dynamicReferencesInText,
  hasDynamicReference,
  replaceDynamicReferences,
  type DynamicReference,
  type ParameterReference,
  type SecretReference,
} from './dynamic-reference-syntax';
import { DynamicReferenceError, type DynamicReferenceSite } from './errors';

/** Where dynamic references are read: the running Secrets Manager and Parameter Store (their ports). */
export type DynamicReferenceReaders = Pick<Ports, 'secretsManager' | 'ssm'>;

/** A value was read but cannot stand in for the reference. */
class UnusableValueError extends Error {
  override readonly name = 'UnusableValueError';
}

type Resource = Pick<ResolvedResource, 'stackName' | 'logicalId' | 'type' | 'properties'>;

/** Why a reference is refused before it is read, as CloudFormation refuses it; undefined when it may be read. */
type Refusal = (reference: DynamicReference, site: DynamicReferenceSite) => string | undefined;

const REFUSALS: readonly Refusal[] = [
  (reference, site) =>
    reference.service !== 'ssm' && isCustomResourceType(site.type)
      ? 'CloudFormation does not support dynamic references to secure values (secretsmanager, ssm-secure) in custom resources'
      : undefined,
  (reference) =>
    reference.service === 'ssm-secure'
      ? 'CloudFormation accepts ssm-secure only in the password properties it lists (RDS, Redshift, ElastiCache, Directory Service, IAM login profiles...), none of which the local cloud runs'
      : undefined,
];

/**
 * The resource with every dynamic reference in its properties (`{{resolve:secretsmanager:...}}`,
 * `{{resolve:ssm:...}}`, whole values or embedded in longer strings) replaced by the value it names, read now
 * through the Secrets Manager and SSM ports. CloudFormation's refusals apply (secure values in custom resources,
 * ssm-secure outside its few password properties).
 *
 * @throws DynamicReferenceError naming the resource, the property and the reference
 * @example
 * const connection = await resolveDynamicReferences(resource, ctx.ports);
 * connection.properties.AuthParameters; // { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: '<the secret>' } }
 */
export async function resolveDynamicReferences<R extends Resource>(resource: R, readers: DynamicReferenceReaders): Promise<R> {
  if (!hasDynamicReference(JSON.stringify(resource.properties))) return resource;
  const properties = (await resolveValue(resource.properties, '', resource, readers)) as JsonObject;
  return { ...resource, properties };
}

async function resolveValue(value: Json, path: string, resource: Resource, readers: DynamicReferenceReaders): Promise<Json> {
  if (typeof value === 'string') return resolveText(value, { ...siteOf(resource), property: path }, readers);
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (const [index, item] of value.entries()) items.push(await resolveValue(item, `${path}[${index}]`, resource, readers));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) out[key] = await resolveValue(item, path ? `${path}.${key}` : key, resource, readers);
  return out;
}

async function resolveText(text: string, site: DynamicReferenceSite, readers: DynamicReferenceReaders): Promise<string> {
  if (!hasDynamicReference(text)) return text;
  const values = new Map<string, string>();
  for (const reference of referencesIn(text, site)) {
    if (!values.has(reference.text)) values.set(reference.text, await valueOf(reference, site, readers));
  }
  return replaceDynamicReferences(text, (reference) => values.get(reference) ?? reference);
}

function referencesIn(text: string, site: DynamicReferenceSite): DynamicReference[] {
  try {
    return dynamicReferencesInText(text);
  } catch (err) {
    throw new DynamicReferenceError(site, text, (err as Error).message, { cause: err });
  }
}

async function valueOf(reference: DynamicReference, site: DynamicReferenceSite, readers: DynamicReferenceReaders): Promise<string> {
  const refusal = REFUSALS.map((refuse) => refuse(reference, site)).find((why) => why !== undefined);
  if (refusal) throw new DynamicReferenceError(site, reference.text, refusal);
  try {
    return reference.service === 'secretsmanager' ? await secretValue(reference, readers) : await parameterValue(reference, readers);
  } catch (err) {
    if (err instanceof UnusableValueError) throw new DynamicReferenceError(site, reference.text, err.message);
    throw new DynamicReferenceError(site, reference.text, readFailure(err), { cause: err });
  }
}

async function secretValue(reference: SecretReference, readers: DynamicReferenceReaders): Promise<string> {
  const { secretId, jsonKey, versionStage, versionId } = reference;
  const version = { ...(versionStage !== undefined && { stage: versionStage }), ...(versionId !== undefined && { id: versionId }) };
  const secretString = await readers.secretsManager.getSecretString(secretId, version);
  return jsonKey === undefined ? secretString : jsonKeyOf(secretString, jsonKey);
}

async function parameterValue(reference: ParameterReference, readers: DynamicReferenceReaders): Promise<string> {
  const { value, type } = await readers.ssm.getParameter(reference.name, reference.version);
  if (type === 'SecureString') throw new UnusableValueError('the parameter is a SecureString: ssm reads String and StringList parameters only');
  return value;
}

/** A key of the JSON a secret holds; the message never carries the secret. */
function jsonKeyOf(secretString: string, key: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw new UnusableValueError(`the secret's value is not JSON, so it has no key "${key}"`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !(key in parsed)) {
    throw new UnusableValueError(`the secret's JSON has no key "${key}"`);
  }
  const value = (parsed as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function readFailure(err: unknown): string {
  const { message = String(err), code } = err as { message?: string; code?: string };
  // Services are handed their resolved resources as they start: the readers must have started before.
  if (code === 'CORE.PORT_NOT_PROVIDED') return `${message} (start the secretsmanager and ssm plug-ins before the plug-in that runs this resource)`;
  return code ? `${code}: ${message}` : message;
}

const siteOf = ({ stackName, logicalId, type }: Resource) => ({ stackName, logicalId, type });

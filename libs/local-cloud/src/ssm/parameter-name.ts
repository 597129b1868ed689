import { validation, SsmError } from './errors';

const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const MAX_NAME_LENGTH = 1011;
const MAX_HIERARCHY_LEVELS = 15;

/**
 * Checks a parameter name as PutParameter does: the allowed characters, a leading `/` for hierarchies,
 * at most 15 levels, no reserved `aws`/`ssm` prefix.
 *
 * @example
 * assertValidName('/shop/prod/api-url'); // ok
 * assertValidName('shop/prod');          // throws ValidationException: must be fully qualified
 */
export function assertValidName(name: string): void {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw validation(`Parameter name must be between 1 and ${MAX_NAME_LENGTH} characters.`);
  if (!NAME_CHARS.test(name)) {
    throw validation('Parameter name: can contain only a-zA-Z0-9_.-/ characters.');
  }
  if (name.includes('/') && !name.startsWith('/')) throw validation('Parameter name must be a fully qualified name.');
  if (/^\/?(aws|ssm)/i.test(name)) throw validation('Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).');
  if (name.split('/').filter(Boolean).length > MAX_HIERARCHY_LEVELS) {
    throw new SsmError('HierarchyLevelLimitExceededException', `A hierarchy can have a maximum of ${MAX_HIERARCHY_LEVELS} levels.`);
  }
}

/** A name as GetParameter accepts it: a name or an ARN, optionally with a `:version` or `:label` selector. */
export interface NameReference {
  /** The candidates, most likely first: an ARN's resource `parameter/a/b` may name `/a/b` or `a/b`. */
  readonly names: readonly string[];
  readonly selector?: string;
}

/**
 * Splits what a caller passed as `Name` into the parameter name(s) it can mean and its selector.
 *
 * @example
 * parseNameReference('/shop/url:3');                                   // { names: ['/shop/url'], selector: '3' }
 * parseNameReference('arn:aws:ssm:us-east-1:000000000000:parameter/shop/url'); // { names: ['/shop/url'] }
 */
export function parseNameReference(reference: string): NameReference {
  if (reference.startsWith('arn:')) {
    const resource = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter\/(.+)$/.exec(reference)?.[1];
    if (!resource) throw validation(`Invalid parameter ARN: ${reference}`);
    const { name, selector } = splitSelector(resource);
    return { names: name.includes('/') ? [`/${name}`] : [name, `/${name}`], ...(selector && { selector }) };
  }
  const { name, selector } = splitSelector(reference);
  return { names: [name], ...(selector && { selector }) };
}

function splitSelector(text: string): { name: string; selector?: string } {
  const colon = text.lastIndexOf(':');
  return colon < 0 ? { name: text } : { name: text.slice(0, colon), selector: text.slice(colon + 1) };
}

/**
 * The ARN of a parameter: `parameter/` then the name without its leading slash, as SSM writes it.
 *
 * @example
 * parameterArn('us-east-1', '000000000000', '/shop/url'); // 'arn:aws:ssm:us-east-1:000000000000:parameter/shop/url'
 */
export function parameterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}

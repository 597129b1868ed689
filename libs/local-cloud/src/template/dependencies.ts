import type { CfnResource } from './cloud-assembly';

/**
 * The resources of the same template one resource waits for, as CloudFormation orders creation: those its
 * `DependsOn` names and those its properties reference (`Ref`, `Fn::GetAtt`, `Fn::Sub` variables), in order
 * of appearance, without repeats. Parameters and pseudo parameters are not resources and are left out.
 *
 * @example
 * dependenciesOf({ Type: 'Custom::Seed', DependsOn: 'Table', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] } } }, resources);
 * // ['Table', 'Fn']
 */
export function dependenciesOf(resource: CfnResource, resources: Readonly<Record<string, CfnResource>>): string[] {
  const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
  const names = [...dependsOn, ...referencedNames(resource.Properties ?? {})];
  return [...new Set(names)].filter((name) => name in resources);
}

function referencedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedNames);
  if (value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only) {
    const [key, args] = only;
    if (key === 'Ref' && typeof args === 'string') return [args];
    if (key === 'Fn::GetAtt') return [getAttTarget(args)].filter((name) => name !== undefined);
    if (key === 'Fn::Sub') return subReferences(args);
  }
  return entries.flatMap(([, item]) => referencedNames(item));
}

function getAttTarget(args: unknown): string | undefined {
  if (typeof args === 'string') return args.split('.')[0];
  return Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
}

/** `${Name}` and `${Name.Attribute}` of a Fn::Sub string, less its own variables and `${!Literal}` escapes. */
function subReferences(args: unknown): string[] {
  const [text, variables] = Array.isArray(args) ? args : [args, {}];
  if (typeof text !== 'string') return referencedNames(args);
  const own = variables && typeof variables === 'object' ? Object.keys(variables) : [];
  const named = [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map(([, name = '']) => name.trim().split('.')[0] ?? name);
  return [...named.filter((name) => !own.includes(name)), ...referencedNames(variables)];
}

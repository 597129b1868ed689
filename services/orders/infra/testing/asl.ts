import type { Template } from 'aws-cdk-lib/assertions';

/** @internal One state of an Amazon States Language definition, as far as the tests read it. */
export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: { Next: string; [key: string]: unknown }[];
  readonly Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string }[];
  readonly Retry?: { ErrorEquals: string[]; MaxAttempts?: number; [key: string]: unknown }[];
  readonly Resource?: string;
  readonly Parameters?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** @internal A definition: where it starts and its states. */
export interface Asl {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly [key: string]: unknown;
}

/** How a CloudFormation reference inside the definition is shown: `${LogicalId}`, `${LogicalId.Attr}`, `${Output}`. */
function placeholder(part: Record<string, unknown>): string {
  if ('Ref' in part) return `\${${String(part.Ref)}}`;
  const getAtt = part['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) return `\${${getAtt[0]}.${getAtt[1]}}`;
  const output = part['Fn::GetStackOutput'] as { OutputName: string } | undefined;
  if (output) return `\${${output.OutputName}}`;
  throw new Error(`Unexpected token in a definition: ${JSON.stringify(part)}`);
}

/**
 * @internal The ASL of a state machine of the template, with each CloudFormation reference rendered as a
 * `${...}` placeholder, parsed.
 */
export function definitionOf(template: Template, logicalId: string): Asl {
  const definition = template.toJSON().Resources[logicalId].Properties.DefinitionString as
    string | { 'Fn::Join': [string, (string | Record<string, unknown>)[]] };
  if (typeof definition === 'string') return JSON.parse(definition) as Asl;
  const [separator, parts] = definition['Fn::Join'];
  return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : placeholder(part))).join(separator)) as Asl;
}

/** @internal The states a state leads to: Next, Choice branches and Default, and its Catch handlers. */
export function successorsOf(state: AslState): string[] {
  return [
    ...(state.Next ? [state.Next] : []),
    ...(state.Choices ?? []).map((choice) => choice.Next),
    ...(state.Default ? [state.Default] : []),
    ...(state.Catch ?? []).map((c) => c.Next),
  ];
}

/** @internal Every state reachable from `from` (itself included). */
export function reachableFrom(asl: Asl, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const state = asl.States[name];
    if (state === undefined) throw new Error(`No state ${name}`);
    for (const next of successorsOf(state)) visit(next);
  };
  visit(from);
  return seen;
}

/** @internal The states from StartAt following only Next (the happy path), in order. */
export function happyPath(asl: Asl): string[] {
  const path: string[] = [];
  for (let name: string | undefined = asl.StartAt; name !== undefined; name = asl.States[name]?.Next) path.push(name);
  return path;
}

import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/** @internal An IAM policy statement as synthesized. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, unknown>;
}

/** @internal The logical id of a construct's CloudFormation resource. */
export function logicalIdOf(construct: IConstruct | undefined): string {
  if (construct === undefined) throw new Error('Expected a construct, got undefined');
  const resource = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(resource);
}

/** @internal Every statement of the policies attached to a function's role, inline ones included. */
export function statementsOf(template: Template, fn: lambda.Function): Statement[] {
  const roleId = logicalIdOf(fn.role);
  const attached = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  const role = template.toJSON().Resources[roleId];
  const inline = ((role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
  return [...inline, ...attached];
}

/** @internal The sorted, distinct actions a function's role allows. */
export function actionsOf(template: Template, fn: lambda.Function): string[] {
  const actions = statementsOf(template, fn)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => statement.Action);
  return [...new Set(actions)].sort();
}

/** @internal The statements that allow an action. */
export function statementsAllowing(template: Template, fn: lambda.Function, action: string): Statement[] {
  return statementsOf(template, fn).filter(
    (statement) => statement.Effect === 'Allow' && ([] as string[]).concat(statement.Action).includes(action),
  );
}

/**
 * @internal The length of a policy document once CloudFormation resolves it, with every reference taken at
 * `referenceLength` characters (a generous ARN), as IAM counts it: JSON without whitespace.
 */
export function resolvedLength(document: unknown, referenceLength = 120): number {
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (node === null || typeof node !== 'object') return node;
    const join = (node as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (join) return join[1].map((part) => resolve(part)).join(join[0]);
    const keys = Object.keys(node);
    const [only] = keys;
    if (keys.length === 1 && only !== undefined && (only === 'Ref' || only.startsWith('Fn::'))) {
      return 'x'.repeat(referenceLength);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value)]));
  };
  return JSON.stringify(resolve(document)).length;
}

/** @internal The functions an InvoicesService created, by role. */
export function definedFunctions(functions: object): [string, lambda.Function][] {
  return Object.entries(functions).filter((entry): entry is [string, lambda.Function] => entry[1] !== undefined);
}

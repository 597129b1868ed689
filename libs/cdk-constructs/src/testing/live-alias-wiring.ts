import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { LiveAlias } from '../live-alias';

/** The properties this check reads, of an alias, a version and a deployment group. */
interface Properties {
  readonly Name?: string;
  readonly FunctionName?: unknown;
  readonly FunctionVersion?: { readonly 'Fn::GetAtt'?: readonly [string, string] };
  readonly AlarmConfiguration?: { readonly Enabled?: boolean; readonly Alarms?: readonly { Name: { Ref?: string } }[] };
  readonly AutoRollbackConfiguration?: { readonly Enabled?: boolean };
}
type Resources = Record<string, { Type: string; Properties?: Properties }>;

const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);

/**
 * What is wrong, in words, with how `LiveAlias`es are synthesized in `template`: each alias must be `live` and point
 * at a published version of its own function, and its deployment group must roll back automatically on the alias's
 * own errors and duration alarms, and on no other unless `extraAlarms` says how many more it gives. Empty when all
 * is well.
 *
 * @example
 * expect(liveAliasWiringProblems(template, service.liveAliases)).toEqual([]);
 */
export function liveAliasWiringProblems(
  template: Template,
  liveAliases: readonly LiveAlias[],
  { extraAlarms = 0 } = {},
): string[] {
  const resources = template.toJSON().Resources as Resources;
  return liveAliases.flatMap((live) => {
    const path = live.node.path;
    const alias: Properties = resources[logicalId(live.alias)]?.Properties ?? {};
    const version = resources[alias.FunctionVersion?.['Fn::GetAtt']?.[0] ?? ''];
    const group: Properties = resources[logicalId(live.deploymentGroup)]?.Properties ?? {};
    const alarms = (group.AlarmConfiguration?.Alarms ?? []).map((a) => a.Name.Ref);
    return [
      alias.Name !== 'live' && `${path}: the alias is named ${alias.Name}, not live`,
      version?.Type !== 'AWS::Lambda::Version' && `${path}: the alias points at no published version`,
      JSON.stringify(version?.Properties?.FunctionName) !== JSON.stringify(alias.FunctionName) &&
        `${path}: the alias's version belongs to another function`,
      group.AlarmConfiguration?.Enabled !== true && `${path}: the deployment group watches no alarm`,
      group.AutoRollbackConfiguration?.Enabled !== true && `${path}: the deployment group does not roll back`,
      (alarms[0] !== logicalId(live.errors) || alarms[1] !== logicalId(live.duration)) &&
        `${path}: the deployment group does not roll back on the alias's own errors and duration`,
      alarms.length !== 2 + extraAlarms && `${path}: the deployment group watches ${alarms.length} alarms`,
    ].filter((problem): problem is string => typeof problem === 'string');
  });
}

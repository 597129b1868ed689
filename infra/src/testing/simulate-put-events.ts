import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { CfnResource, DeployedTemplates } from './resolve-intrinsics';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

export interface PutEventsRequest {
  /** Stack and logical id of the IAM role that calls PutEvents. */
  readonly caller: { readonly stack: string; readonly role: string };
  /** Stack that holds the bus and its EventBusPolicy resources. */
  readonly busStack: string;
  /** The `source` of each entry in the PutEvents call. */
  readonly sources: readonly string[];
}

type PolicyDocument = Simulation['identityPolicies'][number]['policy'];

/**
 * Asks an IAM policy simulator whether `caller` may put events with `sources` on the bus, evaluating the
 * synthesized identity policies and role tags of the caller together with the bus's resource policy.
 */
export async function simulatePutEvents(deployed: DeployedTemplates, request: PutEventsRequest): Promise<Decision> {
  const { caller, busStack, sources } = request;
  const busArn = deployed.resolve(busStack, { 'Fn::GetAtt': [busLogicalId(deployed, busStack), 'Arn'] }) as string;
  const [account] = /\d{12}/.exec(busArn) ?? [];
  const result = await runSimulation(
    {
      identityPolicies: identityPolicies(deployed, caller).map((policy, i) => ({ name: `policy${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: busPolicy(deployed, busStack),
      request: {
        action: 'events:PutEvents',
        principal: deployed.resolve(caller.stack, { 'Fn::GetAtt': [caller.role, 'Arn'] }) as string,
        resource: { accountId: account ?? '', resource: busArn },
        contextVariables: { 'events:source': [...sources], ...principalTags(deployed, caller) },
      },
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`Simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

function busLogicalId(deployed: DeployedTemplates, stack: string): string {
  const ids = resourcesOfType(deployed, stack, 'AWS::Events::EventBus').map(([id]) => id);
  if (ids.length !== 1) throw new Error(`Expected one event bus in ${stack}, found ${ids.length}`);
  return ids[0] as string;
}

function busPolicy(deployed: DeployedTemplates, stack: string): PolicyDocument {
  const statements = resourcesOfType(deployed, stack, 'AWS::Events::EventBusPolicy').map(([, policy]) =>
    deployed.resolve(stack, policy.Properties?.Statement),
  );
  return { Version: '2012-10-17', Statement: statements } as PolicyDocument;
}

function identityPolicies(deployed: DeployedTemplates, { stack, role }: PutEventsRequest['caller']): PolicyDocument[] {
  const inline = (deployed.template(stack).Resources[role]?.Properties?.Policies ?? []) as {
    PolicyDocument: unknown;
  }[];
  const attached = resourcesOfType(deployed, stack, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles ?? []).includes(JSON.stringify({ Ref: role })))
    .map(([, policy]) => policy.Properties?.PolicyDocument);
  return [...inline.map((p) => p.PolicyDocument), ...attached].map(
    (doc) => deployed.resolve(stack, doc) as PolicyDocument,
  );
}

function principalTags(
  deployed: DeployedTemplates,
  { stack, role }: PutEventsRequest['caller'],
): Record<string, string> {
  const tags = (deployed.template(stack).Resources[role]?.Properties?.Tags ?? []) as { Key: string; Value: string }[];
  return Object.fromEntries(tags.map((tag) => [`aws:PrincipalTag/${tag.Key}`, tag.Value]));
}

function resourcesOfType(deployed: DeployedTemplates, stack: string, type: string): [string, CfnResource][] {
  return Object.entries(deployed.template(stack).Resources).filter(([, resource]) => resource.Type === type);
}

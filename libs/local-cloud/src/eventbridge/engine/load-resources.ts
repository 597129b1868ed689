import type { ResolvedResource } from '../../core/contracts';
import { ValidationError } from '../errors';
import type { ConnectionDefinition } from './api-destinations';
import type { EventBridgeEngine } from './engine';
import type { RuleState, Target } from './types';

type Props = ResolvedResource['properties'];
type Loader = (engine: EventBridgeEngine, resource: ResolvedResource, props: Props) => void;

/** Loaders in dependency order: buses and connections before the rules, archives and destinations using them. */
const loaders: ReadonlyArray<readonly [string, Loader]> = [
  ['AWS::Events::EventBus', (engine, { physicalName }, props) => engine.buses.createBus(physicalName, optional(props.Description))],
  [
    'AWS::Events::Connection',
    (engine, { physicalName, arn }, props) =>
      engine.apiDestinations.addConnection({ name: physicalName, arn, authParameters: props.AuthParameters as ConnectionDefinition['authParameters'] }),
  ],
  [
    'AWS::Events::ApiDestination',
    (engine, { physicalName, arn }, props) =>
      engine.apiDestinations.addApiDestination({
        name: physicalName,
        arn,
        invocationEndpoint: String(props.InvocationEndpoint),
        httpMethod: String(props.HttpMethod),
        connectionArn: optional(props.ConnectionArn),
      }),
  ],
  ['AWS::Events::Rule', loadRule],
  [
    'AWS::Events::Archive',
    (engine, { physicalName }, props) =>
      engine.archives.create({
        name: physicalName,
        eventSourceArn: String(props.SourceArn),
        description: optional(props.Description),
        eventPattern: patternText(props.EventPattern),
        retentionDays: typeof props.RetentionDays === 'number' ? props.RetentionDays : undefined,
      }),
  ],
];

/** The CloudFormation types {@link loadTemplateResources} creates. */
export const EVENTBRIDGE_RESOURCE_TYPES: readonly string[] = loaders.map(([type]) => type);

/**
 * Creates the buses, connections, API destinations, rules (with their Targets) and archives of the
 * resolved templates, under the physical names and ARNs the template resolver gave them.
 * @throws InvalidEventPatternError or ValidationError for a resource EventBridge would refuse
 * @example loadTemplateResources(engine, ctx.resources)
 */
export function loadTemplateResources(engine: EventBridgeEngine, resources: readonly ResolvedResource[]): void {
  for (const [type, load] of loaders) {
    for (const resource of resources.filter((r) => r.type === type)) load(engine, resource, resource.properties);
  }
}

function loadRule(engine: EventBridgeEngine, { physicalName }: ResolvedResource, props: Props): void {
  const rule = engine.buses.putRule({
    name: physicalName,
    eventBusName: optional(props.EventBusName),
    eventPattern: patternText(props.EventPattern),
    scheduleExpression: optional(props.ScheduleExpression),
    state: optional(props.State) as RuleState | undefined,
    description: optional(props.Description),
    roleArn: optional(props.RoleArn),
  });
  const targets = (Array.isArray(props.Targets) ? props.Targets : []) as unknown as Target[];
  const [failed] = engine.buses.putTargets(rule.eventBusName, rule.name, targets);
  if (failed) throw new ValidationError(`Target ${failed.TargetId} of rule ${rule.name}: ${failed.ErrorMessage}`);
}

/** CloudFormation gives EventPattern as a JSON object; the API takes its text. */
function patternText(pattern: unknown): string | undefined {
  if (pattern === undefined || pattern === null) return undefined;
  return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

import type { CfnResource, CloudAssembly } from '@shop/local-cloud';

type State = Readonly<Record<string, unknown>> & { readonly Type: string };
interface Machine {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
}

/** The state machine's definition could not be read from its template. */
export class UnreadableDefinitionError extends Error {
  override readonly name = 'UnreadableDefinitionError';
  readonly code = 'DOCS.UNREADABLE_DEFINITION';
}

/** Stands for a value only known at deploy time (an ARN, a table name): the diagram needs the shape only. */
const DEPLOY_TIME = '…';

/**
 * The ASL of a synthesized `AWS::StepFunctions::StateMachine`: its `DefinitionString`, whose `Fn::Join`
 * pieces that CloudFormation resolves at deploy time are replaced by `…`.
 *
 * @example
 * definitionOf(findStateMachine(assembly, 'Orders/Checkout/')).StartAt; // 'SaveOrder'
 */
export function definitionOf(resource: CfnResource): Machine {
  const definition = resource.Properties?.['DefinitionString'];
  const text = typeof definition === 'string' ? definition : joined(definition);
  try {
    return JSON.parse(text) as Machine;
  } catch (error) {
    throw new UnreadableDefinitionError('The DefinitionString is not JSON once its deploy-time values are replaced', {
      cause: error,
    });
  }
}

function joined(value: unknown): string {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (!join) throw new UnreadableDefinitionError('The DefinitionString is neither a string nor an Fn::Join');
  const [separator, parts] = join;
  return parts.map((part) => (typeof part === 'string' ? part : DEPLOY_TIME)).join(separator);
}

/**
 * The state machine whose construct path contains `pathPart`, e.g. `/Orders/Checkout/StateMachine/`.
 *
 * @example
 * findStateMachine(assembly, '/Orders/Checkout/StateMachine/');
 */
export function findStateMachine(assembly: CloudAssembly, pathPart: string): CfnResource {
  const found = assembly.stacks
    .flatMap((stack) => Object.values(stack.template.Resources ?? {}))
    .find(
      (resource) =>
        resource.Type === 'AWS::StepFunctions::StateMachine' &&
        String(resource.Metadata?.['aws:cdk:path'] ?? '').includes(pathPart),
    );
  if (!found) throw new UnreadableDefinitionError(`No state machine at a path containing ${pathPart}`);
  return found;
}

/**
 * Mermaid flowchart of a state machine: each state with its type (and a task's integration), its transitions,
 * choices with their conditions, and its catches as dotted edges. Map and Parallel states are subgraphs.
 *
 * @example
 * workflowDiagram(definitionOf(resource)); // 'flowchart TD\n  start((start)) --> SaveOrder ...'
 */
export function workflowDiagram(machine: Machine): string {
  const lines = ['flowchart TD', `  start((start)) --> ${nodeId('', machine.StartAt)}`];
  drawStates(machine, '', lines);
  return lines.join('\n');
}

function drawStates(machine: Machine, prefix: string, lines: string[]): void {
  for (const [name, state] of Object.entries(machine.States)) {
    const id = nodeId(prefix, name);
    const nested = nestedMachines(state);
    if (nested.length > 0) {
      lines.push(`  subgraph ${id}["${label(name)} (${state.Type})"]`);
      nested.forEach((branch, index) => {
        lines.push(`    ${id}_in((" ")) --> ${nodeId(`${id}_${index}_`, branch.StartAt)}`);
        drawStates(branch, `${id}_${index}_`, lines);
      });
      lines.push('  end');
    } else {
      lines.push(`  ${id}${shape(name, state)}`);
    }
    lines.push(...edgesOf(state, id, prefix));
  }
}

function nestedMachines(state: State): Machine[] {
  if (state.Type === 'Parallel') return (state['Branches'] as Machine[] | undefined) ?? [];
  if (state.Type === 'Map') {
    const processor = (state['ItemProcessor'] ?? state['Iterator']) as Machine | undefined;
    return processor ? [processor] : [];
  }
  return [];
}

function shape(name: string, state: State): string {
  const text = label(name);
  switch (state.Type) {
    case 'Task':
      return `["${text}<br/><i>${label(integrationOf(state))}</i>"]`;
    case 'Choice':
      return `{"${text}"}`;
    case 'Succeed':
      return `(["${text}"])`;
    case 'Fail':
      return `(["${text}: ${label(String(state['Error'] ?? 'failed'))}"])`;
    default:
      return `["${text}<br/><i>${state.Type}</i>"]`;
  }
}

/** `dynamodb:putItem`, `lambda:invoke`, `events:putEvents.waitForTaskToken`, `http:invoke`... */
function integrationOf(state: State): string {
  const resource = String(state['Resource'] ?? '');
  const serviceIntegration = resource.split(':::')[1];
  if (serviceIntegration) return serviceIntegration;
  return resource.includes(':lambda:') || resource === DEPLOY_TIME ? 'lambda' : resource;
}

function edgesOf(state: State, id: string, prefix: string): string[] {
  const edges: string[] = [];
  const to = (name: string) => nodeId(prefix, name);
  if (typeof state['Next'] === 'string') edges.push(`  ${id} --> ${to(state['Next'])}`);
  if (state['End'] === true) edges.push(`  ${id} --> ${prefix || 'top_'}done((end))`);
  for (const choice of (state['Choices'] as Record<string, unknown>[] | undefined) ?? []) {
    edges.push(`  ${id} -- "${label(conditionOf(choice))}" --> ${to(String(choice['Next']))}`);
  }
  if (typeof state['Default'] === 'string') edges.push(`  ${id} -- otherwise --> ${to(state['Default'])}`);
  for (const handler of (state['Catch'] as { ErrorEquals: string[]; Next: string }[] | undefined) ?? []) {
    edges.push(`  ${id} -. "${label(handler.ErrorEquals.join(', '))}" .-> ${to(handler.Next)}`);
  }
  return edges;
}

const COMPARISONS: Readonly<Record<string, string>> = {
  StringEquals: '=',
  StringEqualsPath: '=',
  NumericEquals: '=',
  NumericGreaterThan: '>',
  NumericLessThan: '<',
  BooleanEquals: '=',
  StringMatches: 'like',
};

function conditionOf(rule: Record<string, unknown>): string {
  if (typeof rule['Condition'] === 'string') return rule['Condition'];
  for (const joiner of ['And', 'Or'] as const) {
    const parts = rule[joiner] as Record<string, unknown>[] | undefined;
    if (parts) return parts.map(conditionOf).join(` ${joiner.toLowerCase()} `);
  }
  if (rule['Not']) return `not ${conditionOf(rule['Not'] as Record<string, unknown>)}`;
  const variable = String(rule['Variable'] ?? '').replace(/^\$\./, '');
  if (rule['IsPresent'] !== undefined) return `${variable} ${rule['IsPresent'] ? 'present' : 'absent'}`;
  const comparison = Object.keys(COMPARISONS).find((key) => key in rule);
  if (!comparison) return variable;
  // A *Path comparison names another field of the input: show its path, not a quoted string.
  const value = rule[comparison];
  const shown = comparison.endsWith('Path') ? String(value).replace(/^\$\./, '') : JSON.stringify(value);
  return `${variable} ${COMPARISONS[comparison]} ${shown}`;
}

function nodeId(prefix: string, name: string): string {
  return `${prefix}${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Mermaid labels are quoted: a double quote inside would end them. */
function label(text: string): string {
  const safe = text.replace(/"/g, "'");
  return safe.length > 60 ? `${safe.slice(0, 57)}...` : safe;
}

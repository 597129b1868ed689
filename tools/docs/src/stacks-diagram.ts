import type { CloudAssembly } from '@shop/local-cloud';

/** One deployed stack: what it holds (its top-level constructs) and which stacks it needs first. */
export interface StackSummary {
  /** `Stateful`, `Stateless`, ... (the stage's prefix dropped). */
  readonly name: string;
  readonly resources: number;
  /** Top-level constructs and their resource counts, e.g. `Orders (96)`. */
  readonly parts: readonly { readonly id: string; readonly resources: number }[];
  readonly dependsOn: readonly string[];
}

/**
 * What each stack of the assembly holds and what it depends on.
 *
 * @example
 * summarizeStacks(assembly).map((stack) => stack.name); // ['Stateful', 'Payments', 'Stateless']
 */
export function summarizeStacks(assembly: CloudAssembly): StackSummary[] {
  const nameOf = new Map(assembly.stacks.map((stack) => [stack.artifactId, shortName(stack.displayName)]));
  return assembly.stacks.map((stack) => {
    const counts = new Map<string, number>();
    const resources = Object.values(stack.template.Resources ?? {}).filter((r) => r.Type !== 'AWS::CDK::Metadata');
    for (const resource of resources) {
      const id = String(resource.Metadata?.['aws:cdk:path'] ?? '').split('/')[2] ?? 'other';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return {
      name: shortName(stack.displayName),
      resources: resources.length,
      parts: [...counts].map(([id, count]) => ({ id, resources: count })).sort((a, b) => b.resources - a.resources),
      dependsOn: stack.dependencies.flatMap((artifact) => nameOf.get(artifact) ?? []),
    };
  });
}

function shortName(displayName: string): string {
  return displayName.split('/').at(-1) ?? displayName;
}

/** Mermaid flowchart: a subgraph per stack listing its parts, an arrow from each stack to those it needs. */
export function stacksDiagram(stacks: readonly StackSummary[]): string {
  const lines = ['flowchart RL'];
  for (const stack of stacks) {
    lines.push(`  subgraph ${stack.name}["${stack.name} stack: ${stack.resources} resources"]`);
    lines.push(`    ${stack.name}_parts["${stack.parts.map((p) => `${p.id} (${p.resources})`).join('<br/>')}"]`);
    lines.push('  end');
  }
  for (const stack of stacks) {
    for (const needed of stack.dependsOn) lines.push(`  ${stack.name} -- needs --> ${needed}`);
  }
  return lines.join('\n');
}

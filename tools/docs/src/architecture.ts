import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventDefinitions } from '@shop/events';
import type { CloudAssembly } from '@shop/local-cloud';
import { adrIndex, readAdrs } from './adr-index';
import { busRules, eventFlowDiagram, eventFlows, eventFlowTable } from './event-flow';
import { spliceSections } from './generated-sections';
import { stacksDiagram, summarizeStacks } from './stacks-diagram';
import { definitionOf, findStateMachine, workflowDiagram } from './workflow-diagram';

export const ARCHITECTURE_DOC = join('docs', 'architecture.md');

const mermaid = (diagram: string) => `\`\`\`mermaid\n${diagram}\n\`\`\``;

/**
 * The generated sections of docs/architecture.md: the event flows (catalog × synthesized rules), the checkout
 * workflows (synthesized ASL), the stacks (cloud assembly) and the ADR index.
 *
 * @example
 * const sections = await architectureSections(assembly, repoRoot);
 */
export async function architectureSections(assembly: CloudAssembly, repoRoot: string): Promise<Map<string, string>> {
  const flows = eventFlows(eventDefinitions, busRules(assembly));
  const checkout = workflowDiagram(definitionOf(findStateMachine(assembly, '/Orders/Checkout/StateMachine/')));
  const intake = workflowDiagram(definitionOf(findStateMachine(assembly, '/Orders/CheckoutIntake/StateMachine/')));
  return new Map([
    ['events', `${mermaid(eventFlowDiagram(flows))}\n\n${eventFlowTable(flows)}`],
    ['checkout-intake', mermaid(intake)],
    ['checkout', mermaid(checkout)],
    ['stacks', mermaid(stacksDiagram(summarizeStacks(assembly)))],
    ['adrs', adrIndex(await readAdrs(join(repoRoot, 'docs', 'adr')))],
  ]);
}

/**
 * docs/architecture.md as it should read: the file on disk with its generated sections brought up to date.
 *
 * @example
 * await writeFile(path, await currentArchitectureDoc(assembly, repoRoot));
 */
export async function currentArchitectureDoc(assembly: CloudAssembly, repoRoot: string): Promise<string> {
  const doc = await readFile(join(repoRoot, ARCHITECTURE_DOC), 'utf8');
  return spliceSections(doc, await architectureSections(assembly, repoRoot));
}

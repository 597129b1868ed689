import { sampleEvent, type AnyEventDefinition } from '@shop/events';
import { testEventPattern, type CloudAssembly } from '@shop/local-cloud';

/** An EventBridge rule as synthesized, and the service whose construct owns it. */
export interface BusRule {
  /** The construct path, e.g. `ShopDev/Stateless/Products/OrderPlacedInbox/Rule/Resource`. */
  readonly path: string;
  /** Lower-case construct id under the stack: `products`. */
  readonly service: string;
  readonly pattern: string;
}

/** One event: who publishes it (the catalog) and whose rules receive it (the synthesized templates). */
export interface EventFlow {
  readonly detailType: string;
  readonly version: string;
  readonly producer: string;
  /** Services with a rule whose pattern matches the event's sample, as EventBridge would decide. */
  readonly consumers: readonly string[];
  /** Consumers the catalog declares: a difference from `consumers` is worth a look. */
  readonly declared: readonly string[];
}

/**
 * Every rule with an event pattern in the assembly's templates.
 *
 * @example
 * busRules(assembly).map((rule) => rule.service); // ['products', 'products', 'orders', ...]
 */
export function busRules(assembly: CloudAssembly): BusRule[] {
  return assembly.stacks.flatMap((stack) =>
    Object.values(stack.template.Resources ?? {})
      .filter((resource) => resource.Type === 'AWS::Events::Rule' && resource.Properties?.['EventPattern'])
      .map((resource) => {
        const path = String(resource.Metadata?.['aws:cdk:path'] ?? '');
        const pattern = resource.Properties?.['EventPattern'];
        return {
          path,
          service: (path.split('/')[2] ?? 'unknown').toLowerCase(),
          pattern: typeof pattern === 'string' ? pattern : JSON.stringify(pattern),
        };
      }),
  );
}

/**
 * Producer and consumers of each event: consumers are found by matching each rule's pattern against the
 * event's catalog sample with the local cloud's implementation of EventBridge's TestEventPattern.
 *
 * @example
 * eventFlows(eventDefinitions, busRules(assembly));
 */
export function eventFlows(definitions: readonly AnyEventDefinition[], rules: readonly BusRule[]): EventFlow[] {
  return definitions.map((definition) => {
    const event = JSON.stringify(sampleEvent(definition));
    const consumers = new Set(rules.filter((rule) => testEventPattern(rule.pattern, event)).map((r) => r.service));
    return {
      detailType: definition.detailType,
      version: definition.version,
      producer: definition.producer,
      consumers: [...consumers].sort(),
      declared: [...new Set(definition.consumers.map((consumer) => consumer.service))].sort(),
    };
  });
}

/** Mermaid flowchart: services as nodes, one labelled edge per event and consumer. */
export function eventFlowDiagram(flows: readonly EventFlow[]): string {
  const services = [...new Set(flows.flatMap((flow) => [flow.producer, ...flow.consumers]))].sort();
  const lines = ['flowchart LR', ...services.map((service) => `  ${service}([${service}])`)];
  for (const flow of flows) {
    if (flow.consumers.length === 0) lines.push(`  ${flow.producer} -. "${flow.detailType}" .-> nobody((no rule))`);
    for (const consumer of flow.consumers) lines.push(`  ${flow.producer} -- "${flow.detailType}" --> ${consumer}`);
  }
  return lines.join('\n');
}

/** Markdown table of the flows, with the catalog's declared consumers beside the rules' actual ones. */
export function eventFlowTable(flows: readonly EventFlow[]): string {
  const rows = flows.map((flow) => {
    const agrees = flow.consumers.join() === flow.declared.join();
    const consumers = flow.consumers.join(', ') || '(none)';
    const note = agrees ? '' : `catalog declares: ${flow.declared.join(', ') || '(none)'}`;
    const link = `[${flow.detailType}](events/${flow.detailType}.v${flow.version}.md)`;
    return `| ${link} | v${flow.version} | ${flow.producer} | ${consumers} | ${note} |`;
  });
  return ['| Event | Version | Producer | Consumers (rules) | Note |', '| --- | --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

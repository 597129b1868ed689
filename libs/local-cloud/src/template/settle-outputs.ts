import type { Json, LateValues } from '../core/contracts';
import { lateReferencesIn, settleLateValues, unresolvedValue } from './late-values';
import type { ResolvedCloud } from './resolve-assembly';

/**
 * The cloud with the late values of its outputs and exports settled (what custom resources answered). A
 * placeholder nothing settled (a custom resource not run, a Data key it did not return) becomes
 * `unresolved:<LogicalId>.<Attribute>`, with a warning, as any value that cannot be known locally.
 *
 * @example
 * const { cloud, warnings } = settleOutputs(resolved, lateValues);
 * cloud.stacks[0].outputs.SeedId; // the PhysicalResourceId the custom resource answered
 */
export function settleOutputs(
  resolved: ResolvedCloud,
  values: LateValues,
): { cloud: ResolvedCloud; warnings: string[] } {
  const settle = (entries: Readonly<Record<string, Json>>) =>
    Object.fromEntries(
      Object.entries(entries).map(([name, value]) => [
        name,
        settleLateValues(value, (ref) => values.get(ref.token) ?? unresolvedValue(ref)),
      ]),
    );
  const warnings = resolved.stacks.flatMap((stack) =>
    Object.entries(stack.outputs).flatMap(([name, value]) =>
      lateReferencesIn(value)
        .filter((ref) => !values.has(ref.token))
        .map(
          (ref) =>
            `${stack.stackName}: output ${name} reads ${unresolvedValue(ref).slice('unresolved:'.length)}, which no custom resource answered`,
        ),
    ),
  );
  const stacks = resolved.stacks.map((stack) => ({
    ...stack,
    outputs: settle(stack.outputs),
    exports: settle(stack.exports),
  }));
  return { cloud: { ...resolved, stacks }, warnings: [...new Set(warnings)] };
}

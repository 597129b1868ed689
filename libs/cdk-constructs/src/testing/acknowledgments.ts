import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One `Validations.of(construct).acknowledge(...)` found in a construct tree. */
export interface Acknowledgment {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/**
 * Lists every acknowledged validation finding (cdk-nag rule or CloudFormation check) under `scope`, so a test
 * can pin down which findings are acknowledged and that each says why.
 *
 * @example
 * expect(acknowledgments(stage).map((a) => a.id)).toEqual(['CloudFormation-Validate::F0001']);
 */
export function acknowledgments(scope: IConstruct): Acknowledgment[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

/** Who a custom resource is, in messages. */
export interface CustomResourceName {
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
}

/**
 * A custom resource failed to create: its provider answered FAILED (or an invalid response), its function
 * failed, or no answer came in time. CloudFormation would roll the stack back; the local cloud does not start.
 */
export class CustomResourceFailedError extends Error {
  override readonly name = 'CustomResourceFailedError';
  readonly code = 'CLOUDFORMATION.CUSTOM_RESOURCE_FAILED';
  /** The resource, by name only (its properties may hold secrets). */
  readonly resource: CustomResourceName;

  constructor(
    { stackName, logicalId, type }: CustomResourceName,
    /** Why, as CloudFormation's stack event says it (the provider's Reason included). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Stack ${stackName}: ${logicalId} (${type}) CREATE_FAILED: ${reason}. The stack would roll back: the local cloud did not start`, options);
    this.resource = { stackName, logicalId, type };
  }
}

/**
 * A resource reads a custom resource's `Ref` or `Fn::GetAtt` value, which only its provider's answer tells,
 * but the resource is set up before custom resources run (every service starts first), or the custom
 * resource is not run at all. Refused when the template is loaded.
 */
export class CustomResourceReadError extends Error {
  override readonly name = 'CustomResourceReadError';
  readonly code = 'CLOUDFORMATION.VALUE_NOT_KNOWN_YET';
  constructor(readonly problems: readonly string[]) {
    super(
      `${problems.join('; ')}. A custom resource's Ref and attributes are known only once it has run, after every ` +
        'service has started: locally only other custom resources and stack outputs can read them',
    );
  }
}

/** Resources depend on each other in a cycle (through DependsOn or references): no order creates them. */
export class CircularDependencyError extends Error {
  override readonly name = 'CircularDependencyError';
  readonly code = 'CLOUDFORMATION.CIRCULAR_DEPENDENCY';
  constructor(stackName: string, cycle: readonly string[]) {
    super(`Stack ${stackName}: circular dependency between resources: ${cycle.join(' -> ')}`);
  }
}

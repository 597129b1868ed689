/** A cloud assembly that cannot be read (no manifest, a missing template, an unknown stage). */
export class AssemblyLoadError extends Error {
  override readonly name = 'AssemblyLoadError';
  readonly code = 'TEMPLATE.ASSEMBLY_UNREADABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A token the template layer cannot resolve (an unknown Ref, a missing export, a malformed intrinsic). */
export class TemplateResolutionError extends Error {
  override readonly name = 'TemplateResolutionError';
  readonly code = 'TEMPLATE.UNRESOLVABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Where a dynamic reference sits: a resource and the path of the property that holds it. */
export interface DynamicReferenceSite {
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
  /** `Environment.Variables.API_KEY`, `Tags[0].Value`. */
  readonly property: string;
}

/**
 * A dynamic reference (`{{resolve:...}}`) that cannot be resolved: malformed, refused where CloudFormation
 * refuses it, or naming a secret, key, version or parameter that does not exist. Never carries the value.
 */
export class DynamicReferenceError extends Error {
  override readonly name = 'DynamicReferenceError';
  readonly code = 'TEMPLATE.DYNAMIC_REFERENCE_UNRESOLVABLE';

  constructor(
    readonly site: DynamicReferenceSite,
    /** The reference as written. */
    readonly reference: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${site.stackName}/${site.logicalId} (${site.type}) property ${site.property}: ${reference} cannot be resolved: ${reason}`, options);
  }
}

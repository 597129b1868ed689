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

export {
  loadAssembly,
  type CloudAssembly,
  type StackArtifact,
  type CfnTemplate,
  type CfnResource,
} from './cloud-assembly';
export { resolveAssembly, type ResolvedCloud, type ResolvedStack, type ResolveOptions } from './resolve-assembly';
export { supportOf, describeSupport, type Support, type EmulatedBy } from './support';
export { AssemblyLoadError, TemplateResolutionError, DynamicReferenceError, type DynamicReferenceSite } from './errors';
export { stableId, stableUuid, generatedName, stackIdOf } from './names';
export { isCustomResourceType, serviceTokenOf, unrunCustomResourceReason, type ServiceToken } from './custom-resources';
export { lateValueToken, lateReferencesIn, settleLateValues, unresolvedValue, type LateReference } from './late-values';
export { dependenciesOf } from './dependencies';
export { settleOutputs } from './settle-outputs';
export {
  parseDynamicReference,
  dynamicReferencesInText,
  hasDynamicReference,
  type DynamicReference,
  type SecretReference,
  type ParameterReference,
} from './dynamic-reference-syntax';
export { resolveDynamicReferences, type DynamicReferenceReaders } from './dynamic-references';

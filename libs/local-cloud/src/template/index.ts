export {
  loadAssembly,
  type CloudAssembly,
  type StackArtifact,
  type CfnTemplate,
  type CfnResource,
} from './cloud-assembly';
export { resolveAssembly, type ResolvedCloud, type ResolvedStack, type ResolveOptions } from './resolve-assembly';
export { supportOf, describeSupport, type Support, type EmulatedBy } from './support';
export { AssemblyLoadError, TemplateResolutionError } from './errors';
export { stableId, stableUuid, generatedName, stackIdOf } from './names';
export { isCustomResourceType, serviceTokenOf, unrunCustomResourceReason, type ServiceToken } from './custom-resources';
export { lateValueToken, lateReferencesIn, settleLateValues, unresolvedValue, type LateReference } from './late-values';
export { dependenciesOf } from './dependencies';
export { settleOutputs } from './settle-outputs';

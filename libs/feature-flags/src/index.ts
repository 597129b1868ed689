export {
  FLAG_REGISTRY,
  defaultFlag,
  defaultFlags,
  flagSchema,
  type AttributeSpec,
  type FlagKey,
  type FlagRegistry,
  type FlagSpec,
  type FlagValue,
  type NumberAttribute,
  type ShopFlags,
  type StringAttribute,
} from './registry';
export { toAppConfigFeatureFlags, type AppConfigAttributeDefinition, type AppConfigFeatureFlagsDocument } from './appconfig-document';
export { parseFlagValues, type InvalidFlagValue } from './parse-flags';
export {
  AppConfigFlagEvaluator,
  DEFAULT_FLAGS_MAX_AGE_SECONDS,
  type FlagEvaluatorOptions,
  type FlagsProblem,
  type FlagsSnapshot,
  type FlagsSource,
} from './evaluator';
export { FlagsReadError } from './errors';

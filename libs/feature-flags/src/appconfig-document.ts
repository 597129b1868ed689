import { FLAG_KEYS, FLAG_REGISTRY, defaultFlag, type AttributeSpec, type FlagSpec } from './registry';

/** An attribute definition of the `AWS.AppConfig.FeatureFlags` document: its description and constraints. */
export interface AppConfigAttributeDefinition {
  readonly description: string;
  readonly constraints: {
    readonly type: 'number' | 'string';
    readonly required: true;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly pattern?: string;
    readonly enum?: readonly string[];
  };
}

/** The `AWS.AppConfig.FeatureFlags` document, schema version 1: flag definitions and their values. */
export interface AppConfigFeatureFlagsDocument {
  readonly version: '1';
  readonly flags: Record<
    string,
    { name: string; description: string; attributes?: Record<string, AppConfigAttributeDefinition> }
  >;
  readonly values: Record<string, { enabled: boolean } & Record<string, number | string | boolean>>;
}

function attributeDefinition(spec: AttributeSpec): AppConfigAttributeDefinition {
  const { type, description } = spec;
  const limits =
    spec.type === 'number'
      ? { ...(spec.minimum !== undefined && { minimum: spec.minimum }), ...(spec.maximum !== undefined && { maximum: spec.maximum }) }
      : { ...(spec.pattern !== undefined && { pattern: spec.pattern }), ...(spec.enum !== undefined && { enum: spec.enum }) };
  // required: a console edit that drops the attribute would leave readers with nothing to show.
  return { description, constraints: { type, required: true, ...limits } };
}

function flagDefinition(spec: FlagSpec): AppConfigFeatureFlagsDocument['flags'][string] {
  const attributes = Object.entries(spec.attributes ?? {});
  return {
    name: spec.name,
    description: spec.description,
    ...(attributes.length > 0 && {
      attributes: Object.fromEntries(attributes.map(([name, attribute]) => [name, attributeDefinition(attribute)])),
    }),
  };
}

/**
 * The registry as an AppConfig feature-flags document (`AWS.AppConfig.FeatureFlags`, version 1): each flag
 * defined with its attributes' constraints (AppConfig validates every later change against them) and its
 * registry default as the value. Deploy it as a hosted configuration of a FEATURE_FLAGS profile.
 *
 * @example
 * new appconfig.HostedConfiguration(this, 'Flags', {
 *   application, type: appconfig.ConfigurationType.FEATURE_FLAGS,
 *   content: appconfig.ConfigurationContent.fromInlineJson(JSON.stringify(toAppConfigFeatureFlags())),
 * });
 */
export function toAppConfigFeatureFlags(): AppConfigFeatureFlagsDocument {
  return {
    version: '1',
    flags: Object.fromEntries(FLAG_KEYS.map((key) => [key, flagDefinition(FLAG_REGISTRY[key])])),
    values: Object.fromEntries(FLAG_KEYS.map((key) => [key, defaultFlag(key)])),
  };
}

export { appConfigService, type AppConfigServiceOptions } from './plugin';
export { AppConfigStore, renderConfiguration, FEATURE_FLAGS, type Target, type Deployed, type HostedVersion } from './engine/config-store';
export { ConfigurationSessions } from './engine/configuration-sessions';
export { evaluateFlags, parseFlagsDocument, withFlagChange, type FlagsDocument, type EvaluatedFlag, type FlagChange } from './engine/feature-flags';
export { makeAppConfigEndpoint } from './api/data-endpoint';
export { serveAgent } from './api/agent';
export { makeAppConfigAdminRoute } from './api/admin-route';
export { loadAppConfig, APPCONFIG_RESOURCE_TYPES } from './model/load';
export { AppConfigApiError, FlagChangeError, InvalidFlagsDocumentError, InvalidAppConfigResourceError } from './errors';

export { cloudFormationPlugin, type CloudFormationPluginOptions } from './plugin';
export { CustomResourceFailedError, CustomResourceReadError, CircularDependencyError } from './errors';

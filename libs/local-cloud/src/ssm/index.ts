export { createSsmService, parameterReader, ssmService, type SsmService } from './service';
export { ParameterStore, PARAMETER_TYPES, type ParameterType, type ParameterView, type PutParameterInput } from './parameter-store';
export { loadParameter, ParameterResourceError } from './template';
export { SsmError } from './errors';

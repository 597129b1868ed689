export { stepFunctionsService, type StepFunctionsServiceOptions } from './plugin';
export { StepFunctionsEngine, type EngineOptions, type ExecutionObservation } from './engine/engine';
export { makeStepFunctionsEndpoint } from './api/endpoint';
export { loadStateMachine, definitionOf, StateMachineLoadError } from './loader';
export type { ConnectionAuth, ConnectionResolver } from './tasks/http';
export type { HistoryEvent } from './engine/history';

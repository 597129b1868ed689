export { repoRoot, repoPath, importExercise, exported } from './repo';
export { sampleEvent, patternMatches, catalogEventsMatching, deliveredInput, type SynthesizedTarget } from './events';
export { synthesize, resourcesOf } from './cdk';
export { startDynamo, createTablesOf, functionEnvironment, scanAll, type LocalDynamo } from './dynamo';

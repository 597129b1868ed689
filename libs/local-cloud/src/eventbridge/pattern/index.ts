export { compilePattern, type CompiledPattern, type FieldRule, type SubRule } from './compile-pattern';
export { matchesPattern } from './match-event';

import type { EventBridgeEngine } from '../engine/engine';
import type { Input } from './input';

/** One API operation: decoded request in, JSON-serialisable result out; EventBridgeErrors for refusals. */
export type Operation = (engine: EventBridgeEngine, input: Input) => unknown;

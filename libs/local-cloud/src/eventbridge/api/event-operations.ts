import type { PutEventsEntry } from '../engine/entries';
import { testEventPattern } from '../engine/test-event-pattern';
import { requiredList, requiredString } from './input';
import type { Operation } from './operation';

/** PutEvents and TestEventPattern. */
export const eventOperations: Record<string, Operation> = {
  PutEvents: (engine, input) => engine.putEvents(requiredList<PutEventsEntry>(input, 'Entries')),
  TestEventPattern: (_engine, input) => ({
    Result: testEventPattern(requiredString(input, 'EventPattern'), requiredString(input, 'Event')),
  }),
};

import type { EventBus } from '../engine/types';
import { epochSeconds, optionalString, page, requiredString } from './input';
import type { Operation } from './operation';

function describeBus(bus: EventBus) {
  return {
    Name: bus.name,
    Arn: bus.arn,
    Description: bus.description,
    CreationTime: epochSeconds(bus.createdAt),
    LastModifiedTime: epochSeconds(bus.createdAt),
  };
}

/** The event bus operations of the EventBridge API. */
export const busOperations: Record<string, Operation> = {
  CreateEventBus: (engine, input) => {
    const bus = engine.buses.createBus(requiredString(input, 'Name'), optionalString(input, 'Description'));
    return { EventBusArn: bus.arn, Description: bus.description };
  },
  DescribeEventBus: (engine, input) => describeBus(engine.buses.bus(optionalString(input, 'Name'))),
  ListEventBuses: (engine, input) => {
    const { items, NextToken } = page(engine.buses.listBuses(optionalString(input, 'NamePrefix')), input);
    return { EventBuses: items.map(describeBus), NextToken };
  },
  DeleteEventBus: (engine, input) => {
    engine.buses.deleteBus(requiredString(input, 'Name'));
    return {};
  },
};

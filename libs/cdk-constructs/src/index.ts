export * from './errors';
export * from './event-source-ownership';
export * from './function-alarms';
export * from './queue-with-dlq';
export * from './service-function';

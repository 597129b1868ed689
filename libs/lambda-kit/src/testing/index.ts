export * from './capture-logs';
export * from './fixtures';

export { consolePlugin } from './plugin';
export { ConsoleError } from './errors';
export type { FeedEntry, FeedStatus, StreamName } from './activity-feed';
export type { TimelineItem } from './timeline';

export { consolePlugin } from './plugin';
export { ConsoleError } from './errors';
export type { FeedEntry, FeedStatus } from './event-feed';
export type { TimelineItem } from './timeline';

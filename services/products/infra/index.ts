export { ProductsData, type ProductsDataProps, PRODUCTS_TABLE_INDEXES } from './products-data';
export {
  ProductsService,
  type ProductsServiceProps,
  type ProductsFunctions,
  PRODUCTS_EVENT_SOURCE,
  ORDER_PLACED_MAX_CONCURRENCY,
} from './products-service';
export { PRODUCTS_ROUTES } from './products-routes';
export { OrderEventInbox, type OrderEventInboxProps } from './order-event-inbox';
export { OutboxStream, type OutboxStreamProps, OUTBOX_FILTER_PATTERN } from './outbox-stream';
export { CatalogSeed, type CatalogSeedProps, catalogHash, SEED_CATALOG_FILES } from './catalog-seed';
export { AlarmedDeadLetterQueue, type AlarmedDeadLetterQueueProps } from './dead-letter-queue';
export { TableStreamRequiredError, SeedCatalogUnreadableError, ProductsInfraErrorCode } from './errors';

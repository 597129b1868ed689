import type { AnyEventDefinition } from './define-event';
import { StockReleased } from './inventory/stock-released';
import { StockReservationFailed } from './inventory/stock-reservation-failed';
import { StockReserved } from './inventory/stock-reserved';
import { CreditNoteIssued } from './invoices/credit-note-issued';
import { InvoiceIssued } from './invoices/invoice-issued';
import { OrderCancelled } from './orders/order-cancelled';
import { OrderConfirmed } from './orders/order-confirmed';
import { OrderPlaced } from './orders/order-placed';
import { ProductCreated } from './products/product-created';
import { ProductInfoUpdated } from './products/product-info-updated';
import { UserCreated } from './users/user-created';
import { UserDeleted } from './users/user-deleted';
import { UserUpdated } from './users/user-updated';

/**
 * Every event on the bus, each version listed on its own. Add a definition here when you add its file;
 * the catalog and the contract tests read this list.
 */
export const eventDefinitions = [
  ProductCreated,
  ProductInfoUpdated,
  StockReserved,
  StockReservationFailed,
  StockReleased,
  OrderPlaced,
  OrderConfirmed,
  OrderCancelled,
  InvoiceIssued,
  CreditNoteIssued,
  UserCreated,
  UserUpdated,
  UserDeleted,
] as const satisfies readonly AnyEventDefinition[];

/**
 * The definition of one version of an event, or `undefined` if there is none.
 *
 * @example
 * const definition = findEventDefinition(event['detail-type'], event.detail.metadata.event_version);
 */
export function findEventDefinition(detailType: string, version: string): AnyEventDefinition | undefined {
  return eventDefinitions.find((definition) => definition.detailType === detailType && definition.version === version);
}

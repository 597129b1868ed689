import { StockReservationFailed, type StockReservedData } from '@shop/events';

/**
 * The `Error` the stock-answer consumer fails the checkout's ReserveStock task with (SendTaskFailure),
 * for the workflow's Catch; the `Cause` is products' reason, for people.
 */
export const STOCK_RESERVATION_FAILED_ERROR = StockReservationFailed.detailType;

/** The ReserveStock task's result (SendTaskSuccess output) when products reserved the stock. */
export type StockReservedOutput = Pick<StockReservedData, 'orderId' | 'reservationId' | 'reservedAt' | 'expiresAt'>;

import type { StockChange } from '../domain/inventory';
import { stockKey } from './table';
import type { TransactItem } from './transactions';

const COUNTERS = ['onHand', 'reserved', 'available'] as const;

/**
 * An atomic update of a stock item by a change. Every counter that goes down must stay at zero or above,
 * as a condition DynamoDB checks on the item itself; so under any concurrency no stock goes negative and
 * no unit is reserved twice. `extraCondition` adds a check, e.g. that the product is still ACTIVE.
 */
export function stockUpdate(
  tableName: string,
  change: StockChange,
  now: Date,
  extraCondition?: { expression: string; values: Record<string, unknown> },
) {
  const deltas = { onHand: change.onHand, reserved: change.reserved, available: change.onHand - change.reserved };
  const values: Record<string, unknown> = { ':now': now.toISOString(), ...extraCondition?.values };
  const conditions = ['attribute_exists(pk)'];
  for (const counter of COUNTERS) {
    values[`:${counter}`] = deltas[counter];
    if (deltas[counter] < 0) {
      values[`:min_${counter}`] = -deltas[counter];
      conditions.push(`${counter} >= :min_${counter}`);
    }
  }
  if (extraCondition) conditions.push(extraCondition.expression);
  return {
    TableName: tableName,
    Key: stockKey(change.sku),
    UpdateExpression:
      'SET onHand = onHand + :onHand, reserved = reserved + :reserved, available = available + :available, updatedAt = :now',
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeValues: values,
  };
}

export const stockUpdateItem = (...args: Parameters<typeof stockUpdate>): TransactItem => ({
  Update: stockUpdate(...args),
});

import type { Json } from '../../core/contracts';

/** One DynamoDB item or key as it travels on the wire: attribute name to typed value (`{ S: 'x' }`). */
export type Item = Record<string, Json>;

export interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

export interface AttributeDefinition {
  AttributeName: string;
  AttributeType: 'S' | 'N' | 'B';
}

/** The parts of DescribeTable's TableDescription this service reads; the rest passes through. */
export interface TableDescription {
  TableName: string;
  TableArn: string;
  TableStatus?: string;
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: AttributeDefinition[];
  [field: string]: unknown;
}

/** Returns the key attributes of an item (or of a key), in key-schema order. */
export function keyOf(item: Item, table: Pick<TableDescription, 'KeySchema'>): Item {
  const key: Item = {};
  for (const { AttributeName } of table.KeySchema) {
    const value = item[AttributeName];
    if (value !== undefined) key[AttributeName] = value;
  }
  return key;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

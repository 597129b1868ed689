import { z } from 'zod';
import type { AnyEventDefinition } from '../define-event';

/** A JSON Schema node, as z.toJSONSchema writes it (plus our `pii` and `piiCategory` keywords). */
export type JsonSchema = {
  readonly [keyword: string]: unknown;
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly pii?: boolean;
  readonly piiCategory?: string;
};

/** JSON Schema drafts the catalog writes: 2020-12 for the schema files, draft-07 inside AsyncAPI. */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-07';

/**
 * The JSON Schema of a definition's `detail`, generated from its zod schema.
 * Input mode: objects do not forbid extra properties, because adding a field is not a breaking change.
 *
 * @example
 * writeFileSync('order-confirmed.json', JSON.stringify(detailJsonSchema(OrderConfirmed), null, 2));
 */
export function detailJsonSchema(
  definition: AnyEventDefinition,
  target: JsonSchemaTarget = 'draft-2020-12',
): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(definition.detail, { target, io: 'input' }) as JsonSchema;
  return { $schema, title: `${definition.key} detail`, ...schema };
}

/** The same schema without `$schema`, for embedding in another document (AsyncAPI's payloads). */
export function embeddedJsonSchema(definition: AnyEventDefinition): JsonSchema {
  const { $schema: _ignored, ...schema } = detailJsonSchema(definition, 'draft-07');
  return schema;
}

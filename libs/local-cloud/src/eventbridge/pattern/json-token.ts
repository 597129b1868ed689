/** The tokens {@link JsonTokenReader} yields, named after Jackson's. @internal */
export type JsonToken =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'STRING'
  | 'NUMBER'
  | 'TRUE'
  | 'FALSE'
  | 'NULL';

/** Thrown by the reader; `column`/`line` are Jackson's 1-based location. @internal */
export class JsonReadError extends Error {
  override readonly name = 'JsonReadError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** EventBridge prints the location twice for errors raised inside anything-but lists. */
    readonly repeatLocation = false,
  ) {
    super(reason);
  }
}

/** An event that names its type, as EventBridge delivers it. */
type TypedEvent = { readonly 'detail-type': string };

/**
 * A queue fed by one rule may carry several detail-types; anything else means the rule matches too
 * much, so the record fails loudly (and reaches the DLQ) instead of being applied.
 *
 * @throws Error when the event's detail-type is not one of `expected`.
 */
export function assertDetailType(event: TypedEvent, expected: readonly { readonly detailType: string }[]): void {
  if (!expected.some((definition) => definition.detailType === event['detail-type'])) {
    throw new Error(`Unexpected detail-type ${event['detail-type']} on this queue`);
  }
}

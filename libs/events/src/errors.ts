/** A validation problem at one place in an event, e.g. `data.order.lines[0].quantity`. */
export type EventIssue = {
  readonly path: string;
  readonly message: string;
};

/** One event that EventBridge did not accept, after the last attempt. */
export type FailedEntry = {
  /** Position of the event in the array given to `publish`. */
  readonly index: number;
  readonly detailType: string;
  readonly errorCode: string;
  readonly errorMessage: string;
};

/** An event definition breaks the naming rules (source, detail-type, version). */
export class EventDefinitionError extends Error {
  override readonly name = 'EventDefinitionError';
  readonly code = 'EVENTS.INVALID_DEFINITION';
}

/** An event (or its `detail`) does not match its definition's schema. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  readonly code = 'EVENTS.INVALID_EVENT';

  constructor(
    readonly detailType: string,
    readonly issues: readonly EventIssue[],
    options?: ErrorOptions,
  ) {
    const lines = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`);
    super(`Invalid ${detailType} event:\n${lines.join('\n')}`, options);
  }
}

/** A service tried to publish an event that another service produces. */
export class EventProducerMismatchError extends Error {
  override readonly name = 'EventProducerMismatchError';
  readonly code = 'EVENTS.NOT_THE_PRODUCER';

  constructor(
    readonly detailType: string,
    readonly producer: string,
    readonly service: string,
  ) {
    super(`${detailType} is produced by "${producer}"; service "${service}" may not publish it`);
  }
}

/** An entry is larger than PutEvents accepts; nothing was sent. */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  readonly code = 'EVENTS.ENTRY_TOO_LARGE';

  constructor(
    readonly detailType: string,
    readonly index: number,
    readonly sizeInBytes: number,
    readonly limitInBytes: number,
  ) {
    super(
      `${detailType} (event ${index}) is ${sizeInBytes} bytes as a PutEvents entry; the limit is ` +
        `${limitInBytes} bytes. Nothing was published. Send less (IDs and the facts consumers need), ` +
        `or store the payload in S3 and send its location.`,
    );
  }
}

/** Some events were still refused by EventBridge after the last attempt. */
export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';
  readonly code = 'EVENTS.PUBLISH_FAILED';

  constructor(
    readonly failedEntries: readonly FailedEntry[],
    readonly publishedCount: number,
    options?: ErrorOptions,
  ) {
    const lines = failedEntries.map(
      (entry) => `  - event ${entry.index} (${entry.detailType}): ${entry.errorCode}: ${entry.errorMessage}`,
    );
    super(
      `${failedEntries.length} event(s) were not published (${publishedCount} were):\n${lines.join('\n')}`,
      options,
    );
  }
}

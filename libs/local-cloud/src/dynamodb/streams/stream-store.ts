import { randomBytes } from 'node:crypto';
import type { StreamSetting, StreamViewType } from '../engine/table-catalog';
import type { Item, KeySchemaElement } from '../engine/types';

/** One record as DynamoDB Streams' GetRecords returns it (and, with eventSourceARN added, as Lambda receives it). */
export interface StreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  userIdentity?: { type: 'Service'; principalId: 'dynamodb.amazonaws.com' };
}

const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * One table's stream. Locally a stream has a single shard that stays open while the stream is enabled, so
 * records come out in the order the writes committed (AWS only promises order per item).
 */
export class TableStream {
  readonly shardId = `shardId-${String(Date.now()).padStart(20, '0')}-${randomBytes(4).toString('hex')}`;
  readonly createdAt = Date.now();
  status: 'ENABLED' | 'DISABLED' = 'ENABLED';
  readonly #records: StreamRecord[] = [];
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly setting: StreamSetting,
    readonly tableName: string,
    readonly keySchema: KeySchemaElement[],
  ) {}

  get arn(): string {
    return this.setting.arn;
  }

  append(record: StreamRecord): void {
    this.#records.push(record);
    this.#trim(Date.now());
    for (const listener of this.#listeners) listener();
  }

  /** Records whose sequence number is at least `from`, oldest first. */
  readFrom(from: bigint, limit: number): StreamRecord[] {
    const start = this.#records.findIndex((record) => BigInt(record.dynamodb.SequenceNumber) >= from);
    return start < 0 ? [] : this.#records.slice(start, start + limit);
  }

  /** The sequence number the next record will have at least: where a LATEST reader starts. */
  latestPosition(): bigint {
    const last = this.#records.at(-1);
    return last ? BigInt(last.dynamodb.SequenceNumber) + 1n : 0n;
  }

  firstSequenceNumber(): string | undefined {
    return this.#records[0]?.dynamodb.SequenceNumber;
  }

  lastSequenceNumber(): string | undefined {
    return this.#records.at(-1)?.dynamodb.SequenceNumber;
  }

  /** Calls `listener` after each appended record; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #trim(now: number): void {
    const oldest = now - RETENTION_MS;
    const kept = this.#records.findIndex((record) => record.dynamodb.ApproximateCreationDateTime * 1000 >= oldest);
    this.#records.splice(0, kept < 0 ? this.#records.length : kept);
  }
}

/** Every stream of this local DynamoDB, enabled or disabled, by stream ARN. */
export class StreamStore {
  readonly #streams = new Map<string, TableStream>();
  #sequence = 100_000_000_000_000_000_000n;

  /**
   * The stream for a setting, created on first use. A disabled stream whose ARN is opened again starts
   * anew: a template's stream keeps its ARN when its settings change on a table kept on disk.
   */
  open(setting: StreamSetting, tableName: string, keySchema: KeySchemaElement[]): TableStream {
    let stream = this.#streams.get(setting.arn);
    if (!stream || stream.status === 'DISABLED') {
      stream = new TableStream(setting, tableName, keySchema);
      this.#streams.set(setting.arn, stream);
    }
    return stream;
  }

  get(arn: string): TableStream | undefined {
    return this.#streams.get(arn);
  }

  list(tableName?: string): TableStream[] {
    return [...this.#streams.values()].filter((stream) => !tableName || stream.tableName === tableName);
  }

  disable(arn: string): void {
    const stream = this.#streams.get(arn);
    if (stream) stream.status = 'DISABLED';
  }

  nextSequenceNumber(): string {
    this.#sequence += 1n;
    return this.#sequence.toString();
  }
}

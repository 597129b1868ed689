import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { itemSize } from '../engine/dynalite-rules';
import type { TableCatalog } from '../engine/table-catalog';
import { keyOf, type Item } from '../engine/types';
import type { StreamRecord, StreamStore } from './stream-store';

export interface Change {
  readonly tableName: string;
  readonly oldImage?: Item;
  readonly newImage?: Item;
  /** A deletion made by TTL rather than by a caller. */
  readonly byTtl?: boolean;
}

/**
 * Turns committed writes into stream records for tables whose stream is enabled. Writers ask `wants` first,
 * so tables without a stream pay nothing for the before and after images.
 */
export class ChangeRecorder {
  constructor(
    private readonly catalog: TableCatalog,
    private readonly streams: StreamStore,
    private readonly region: string,
  ) {}

  wants(tableName: string): boolean {
    return this.catalog.streamOf(tableName) !== undefined;
  }

  /** Appends a record, unless the write changed nothing (AWS writes no record then either). */
  async record(change: Change): Promise<void> {
    const setting = this.catalog.streamOf(change.tableName);
    const table = await this.catalog.describe(change.tableName);
    const { oldImage, newImage } = change;
    const image = newImage ?? oldImage;
    if (!setting || !table || !image || isDeepStrictEqual(oldImage, newImage)) return;
    const stream = this.streams.open(setting, change.tableName, table.KeySchema);
    stream.append(this.#toRecord(change, keyOf(image, table), setting.viewType));
  }

  #toRecord(change: Change, keys: Item, viewType: StreamRecord['dynamodb']['StreamViewType']): StreamRecord {
    const { oldImage, newImage } = change;
    const withNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
    const withOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
    const dynamodb: StreamRecord['dynamodb'] = {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: keys,
      ...(withNew && newImage ? { NewImage: newImage } : {}),
      ...(withOld && oldImage ? { OldImage: oldImage } : {}),
      SequenceNumber: this.streams.nextSequenceNumber(),
      SizeBytes: itemSize({ ...keys, ...(newImage ?? {}), ...(oldImage ?? {}) }),
      StreamViewType: viewType,
    };
    return {
      eventID: randomUUID().replaceAll('-', ''),
      eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.region,
      dynamodb,
      ...(change.byTtl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
    };
  }
}

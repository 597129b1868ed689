import type { EventSender, Json, Logger } from '../../core/contracts';
import type { PreparedRequest } from '../api/prepare-request';
import type { EngineResponse, ObjectEngine } from '../engine/object-engine';

type Change = 'PutObject' | 'CopyObject' | 'CompleteMultipartUpload' | 'DeleteObject' | 'DeleteObjects';

export interface ObjectEventOptions {
  /** Bound late: the eventbridge service provides it. */
  readonly events: EventSender;
  readonly engine: ObjectEngine;
  readonly region: string;
  readonly accountId: string;
  readonly logger: Logger;
}

/** What a request needs done once the engine has answered. */
export interface PendingNotification {
  after(response: EngineResponse): Promise<void>;
}

/**
 * S3 event notifications to EventBridge (a bucket's EventBridgeConfiguration): "Object Created" and
 * "Object Deleted" events, in the shape S3 sends them, onto the account's default bus.
 *
 * @example
 * const notifier = new ObjectEventNotifier({ events: ports.events, engine, region, accountId, logger });
 * notifier.enable('invoices');
 */
export class ObjectEventNotifier {
  private readonly buckets = new Set<string>();
  private sequence = 0;

  constructor(private readonly options: ObjectEventOptions) {}

  enable(bucket: string): void {
    this.buckets.add(bucket);
  }

  /** Called before the engine runs a request: a delete has to know whether the object existed. */
  async before(request: PreparedRequest): Promise<PendingNotification | undefined> {
    const { bucket, key } = request.address;
    const change = bucket !== undefined && this.buckets.has(bucket) ? changeOf(request) : undefined;
    if (!change || bucket === undefined) return undefined;
    const existed = change === 'DeleteObject' && key !== undefined ? (await this.head(bucket, key)) !== undefined : false;
    return { after: (response) => this.notify(change, bucket, key, response, existed) };
  }

  private async notify(change: Change, bucket: string, key: string | undefined, response: EngineResponse, existed: boolean): Promise<void> {
    const requestId = String(response.headers['x-amz-request-id'] ?? '');
    if (change === 'DeleteObjects') {
      if (response.status !== 200) return;
      await this.send(deletedKeys(response.body.toString('utf8')).map((deleted) => this.deleted(bucket, deleted, 'DeleteObjects', requestId)));
      return;
    }
    if (key === undefined) return;
    if (change === 'DeleteObject') {
      if (response.status === 204 && existed) await this.send([this.deleted(bucket, key, change, requestId)]);
      return;
    }
    const completed = change !== 'CompleteMultipartUpload' || response.body.includes('<CompleteMultipartUploadResult');
    const object = response.status === 200 && completed ? await this.head(bucket, key) : undefined;
    if (object) await this.send([this.entry('Object Created', bucket, { key, ...object }, { reason: change, 'request-id': requestId })]);
  }

  private deleted(bucket: string, key: string, reason: Change, requestId: string): Record<string, Json> {
    return this.entry('Object Deleted', bucket, { key }, { reason, 'request-id': requestId, 'deletion-type': 'Permanently Deleted' });
  }

  private entry(detailType: string, bucket: string, object: Record<string, Json>, extra: Record<string, Json>): Record<string, Json> {
    this.sequence += 1;
    const sequencer = `${Date.now().toString(16)}${this.sequence.toString(16).padStart(6, '0')}`.toUpperCase();
    const detail = {
      version: '0',
      bucket: { name: bucket },
      object: { ...object, sequencer },
      requester: this.options.accountId,
      'source-ip-address': '127.0.0.1',
      ...extra,
    };
    return { Source: 'aws.s3', DetailType: detailType, Detail: JSON.stringify(detail), Resources: [`arn:aws:s3:::${bucket}`], Time: new Date().toISOString() };
  }

  private async send(entries: ReadonlyArray<Record<string, Json>>): Promise<void> {
    if (entries.length === 0) return;
    const bus = `arn:aws:events:${this.options.region}:${this.options.accountId}:event-bus/default`;
    try {
      await this.options.events.putEvents(bus, entries);
    } catch (err) {
      // S3 delivers notifications after answering: a failed delivery never fails the request.
      this.options.logger.warn('S3 event notification not delivered', { bus, err });
    }
  }

  private async head(bucket: string, key: string): Promise<{ size: number; etag: string } | undefined> {
    const url = `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const response = await this.options.engine.send({ method: 'HEAD', url, headers: {}, body: Buffer.alloc(0) });
    if (response.status !== 200) return undefined;
    return { size: Number(response.headers['content-length'] ?? 0), etag: String(response.headers.etag ?? '').replaceAll('"', '') };
  }
}

function changeOf(request: PreparedRequest): Change | undefined {
  const names = new Set(request.query.map(([name]) => name));
  const { method, address } = request;
  if (address.key === undefined) return method === 'POST' && names.has('delete') ? 'DeleteObjects' : undefined;
  if (names.size > 0 && !names.has('uploadId') && !names.has('x-id')) return undefined;
  if (method === 'PUT' && !names.has('uploadId')) return request.engine.headers['x-amz-copy-source'] === undefined ? 'PutObject' : 'CopyObject';
  if (method === 'POST' && names.has('uploadId')) return 'CompleteMultipartUpload';
  if (method === 'DELETE' && !names.has('uploadId')) return 'DeleteObject';
  return undefined;
}

function deletedKeys(xml: string): string[] {
  return [...xml.matchAll(/<Deleted>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Deleted>/g)].map((match) => unescapeXml(match[1] ?? ''));
}

const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');

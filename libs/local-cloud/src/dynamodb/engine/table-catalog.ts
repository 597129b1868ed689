import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DynamoDbApiError } from '../errors';
import type { DynaliteClient } from './dynalite-client';
import type { TableDescription } from './types';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export interface TtlSetting {
  readonly attributeName: string;
  readonly enabled: boolean;
}

export interface StreamSetting {
  readonly enabled: boolean;
  readonly viewType: StreamViewType;
  readonly arn: string;
  /** The ISO timestamp that ends the stream ARN, as AWS labels streams. */
  readonly label: string;
}

export interface TableSettings {
  readonly ttl?: TtlSetting;
  readonly stream?: StreamSetting;
}

/**
 * What this facade knows about tables beyond dynalite: TTL and stream settings (dynalite has neither), and
 * a cache of key schemas so each write can find its item's identity without a DescribeTable round trip.
 * Settings are saved beside dynalite's files when the data lives on disk, so they survive a restart.
 */
export class TableCatalog {
  readonly #descriptions = new Map<string, Promise<TableDescription | undefined>>();
  readonly #settings: Map<string, TableSettings>;

  constructor(
    private readonly client: DynaliteClient,
    private readonly stateFile?: string,
  ) {
    this.#settings = new Map(stateFile && existsSync(stateFile) ? Object.entries(readState(stateFile)) : []);
  }

  /** The table's description, or undefined when it does not exist. */
  describe(tableName: string): Promise<TableDescription | undefined> {
    let description = this.#descriptions.get(tableName);
    if (!description) {
      description = this.#fetch(tableName);
      this.#descriptions.set(tableName, description);
    }
    return description;
  }

  /** Drops the cached description after CreateTable, UpdateTable or DeleteTable. */
  forget(tableName: string): void {
    this.#descriptions.delete(tableName);
  }

  settings(tableName: string): TableSettings {
    return this.#settings.get(tableName) ?? {};
  }

  /** The table's stream while it is enabled. */
  streamOf(tableName: string): StreamSetting | undefined {
    const stream = this.settings(tableName).stream;
    return stream?.enabled ? stream : undefined;
  }

  tablesWithTtl(): Array<[string, TtlSetting]> {
    return [...this.#settings].flatMap(([name, { ttl }]) => (ttl?.enabled ? [[name, ttl] as [string, TtlSetting]] : []));
  }

  update(tableName: string, change: Partial<TableSettings>): void {
    this.#settings.set(tableName, { ...this.settings(tableName), ...change });
    this.#save();
  }

  drop(tableName: string): void {
    this.#settings.delete(tableName);
    this.forget(tableName);
    this.#save();
  }

  async #fetch(tableName: string): Promise<TableDescription | undefined> {
    try {
      const { Table } = await this.client.call<{ Table: TableDescription }>('DescribeTable', { TableName: tableName });
      return Table;
    } catch (err) {
      this.#descriptions.delete(tableName);
      if (err instanceof DynamoDbApiError && err.type === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  }

  #save(): void {
    if (this.stateFile) writeFileSync(this.stateFile, JSON.stringify(Object.fromEntries(this.#settings), null, 2));
  }
}

function readState(file: string): Record<string, TableSettings> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, TableSettings>;
}

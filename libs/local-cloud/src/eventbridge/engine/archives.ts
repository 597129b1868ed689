import { ResourceAlreadyExistsError, ResourceNotFoundError, ValidationError } from '../errors';
import { compilePattern, matchesPattern, type CompiledPattern } from '../pattern';
import { Arns, nameOf } from './arns';
import { ARCHIVE_NAME, requireMatch } from './constraints';
import { envelopeJson } from './entries';
import type { EventEnvelope } from './types';

export interface ArchivedEvent {
  readonly event: EventEnvelope;
  readonly receivedAt: Date;
}

export interface Archive {
  readonly name: string;
  readonly arn: string;
  readonly eventSourceArn: string;
  readonly description?: string;
  readonly eventPattern?: string;
  readonly compiledPattern?: CompiledPattern;
  /** 0 or absent keeps events forever. */
  readonly retentionDays?: number;
  readonly createdAt: Date;
  readonly events: ArchivedEvent[];
}

export type ReplayState = 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export interface Replay {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  state: ReplayState;
  stateReason?: string;
  readonly eventSourceArn: string;
  readonly destination: { readonly Arn: string; readonly FilterArns?: readonly string[] };
  readonly eventStartTime: Date;
  readonly eventEndTime: Date;
  eventLastReplayedTime?: Date;
  readonly replayStartTime: Date;
  replayEndTime?: Date;
}

export interface ArchiveDefinition {
  readonly name: string;
  readonly eventSourceArn: string;
  readonly description?: string;
  readonly eventPattern?: string;
  readonly retentionDays?: number;
}

export type ReplayDefinition = Pick<Replay, 'name' | 'description' | 'eventSourceArn' | 'destination' | 'eventStartTime' | 'eventEndTime'>;

const DAY_MS = 86_400_000;

/** Archives keep the events that reach their bus and match their pattern; replays re-send a time window. */
export class ArchiveStore {
  private readonly archives = new Map<string, Archive>();
  private readonly replays = new Map<string, Replay>();

  constructor(
    private readonly arns: Arns,
    private readonly now: () => Date,
  ) {}

  create(definition: ArchiveDefinition): Archive {
    requireMatch(definition.name, 'archiveName', ARCHIVE_NAME, 48);
    if (this.archives.has(definition.name)) throw new ResourceAlreadyExistsError(`Archive ${definition.name} already exists.`);
    const compiledPattern = definition.eventPattern === undefined ? undefined : compilePattern(definition.eventPattern);
    const archive: Archive = { ...definition, arn: this.arns.archive(definition.name), compiledPattern, createdAt: this.now(), events: [] };
    this.archives.set(archive.name, archive);
    return archive;
  }

  /** @throws ResourceNotFoundError when there is no archive of that name or ARN */
  archive(nameOrArn: string): Archive {
    const name = nameOf(nameOrArn);
    const archive = this.archives.get(name);
    if (!archive) throw new ResourceNotFoundError(`Archive ${name} does not exist.`);
    return archive;
  }

  list(filter: { namePrefix?: string; eventSourceArn?: string } = {}): Archive[] {
    return [...this.archives.values()].filter(
      (archive) => archive.name.startsWith(filter.namePrefix ?? '') && (!filter.eventSourceArn || archive.eventSourceArn === filter.eventSourceArn),
    );
  }

  delete(name: string): void {
    this.archive(name);
    this.archives.delete(name);
  }

  /** Stores an event that reached a bus in every archive of that bus whose pattern it matches. */
  record(busArn: string, event: EventEnvelope, receivedAt: Date): string[] {
    const stored: string[] = [];
    for (const archive of this.archives.values()) {
      if (archive.eventSourceArn !== busArn) continue;
      this.expire(archive, receivedAt);
      if (archive.compiledPattern && !matchesPattern(archive.compiledPattern, envelopeJson(event))) continue;
      archive.events.push({ event, receivedAt });
      stored.push(archive.name);
    }
    return stored;
  }

  /** Validates and registers a replay; the engine then runs it. */
  startReplay(definition: ReplayDefinition): Replay {
    requireMatch(definition.name, 'replayName', ARCHIVE_NAME, 64);
    if (this.replays.has(definition.name)) throw new ResourceAlreadyExistsError(`Replay ${definition.name} already exists.`);
    const archive = this.archive(definition.eventSourceArn);
    if (definition.eventEndTime.getTime() <= definition.eventStartTime.getTime()) {
      throw new ValidationError('Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.');
    }
    if (definition.destination.Arn !== archive.eventSourceArn) {
      throw new ValidationError('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
    }
    const replay: Replay = { ...definition, arn: this.arns.replay(definition.name), state: 'STARTING', replayStartTime: this.now() };
    this.replays.set(replay.name, replay);
    return replay;
  }

  /** The archived events a replay re-sends: those received inside its time window, oldest first. */
  eventsFor(replay: Replay): ArchivedEvent[] {
    const { eventStartTime: start, eventEndTime: end } = replay;
    return this.archive(replay.eventSourceArn).events.filter(
      ({ receivedAt }) => receivedAt.getTime() >= start.getTime() && receivedAt.getTime() < end.getTime(),
    );
  }

  replay(name: string): Replay {
    const replay = this.replays.get(name);
    if (!replay) throw new ResourceNotFoundError(`Replay ${name} does not exist.`);
    return replay;
  }

  listReplays(namePrefix = ''): Replay[] {
    return [...this.replays.values()].filter((replay) => replay.name.startsWith(namePrefix));
  }

  private expire(archive: Archive, now: Date): void {
    if (!archive.retentionDays) return;
    const oldest = now.getTime() - archive.retentionDays * DAY_MS;
    const kept = archive.events.filter(({ receivedAt }) => receivedAt.getTime() >= oldest);
    archive.events.splice(0, archive.events.length, ...kept);
  }
}

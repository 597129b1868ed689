import type { Archive, Replay } from '../engine/archives';
import { epochSeconds, optionalNumber, optionalString, page, requiredString, requiredTime, type Input } from './input';
import type { Operation } from './operation';

function describeArchive(archive: Archive) {
  return {
    ArchiveName: archive.name,
    ArchiveArn: archive.arn,
    EventSourceArn: archive.eventSourceArn,
    Description: archive.description,
    EventPattern: archive.eventPattern,
    State: 'ENABLED',
    RetentionDays: archive.retentionDays ?? 0,
    SizeBytes: archive.events.reduce((sum, { event }) => sum + Buffer.byteLength(JSON.stringify(event)), 0),
    EventCount: archive.events.length,
    CreationTime: epochSeconds(archive.createdAt),
  };
}

/** ListArchives shows what DescribeArchive shows, less the ARN, pattern and description. */
function archiveSummary(archive: Archive) {
  const { ArchiveArn: _arn, EventPattern: _pattern, Description: _description, ...summary } = describeArchive(archive);
  return summary;
}

function describeReplay(replay: Replay) {
  return {
    ReplayName: replay.name,
    ReplayArn: replay.arn,
    Description: replay.description,
    State: replay.state,
    StateReason: replay.stateReason,
    EventSourceArn: replay.eventSourceArn,
    Destination: replay.destination,
    EventStartTime: epochSeconds(replay.eventStartTime),
    EventEndTime: epochSeconds(replay.eventEndTime),
    EventLastReplayedTime: epochSeconds(replay.eventLastReplayedTime),
    ReplayStartTime: epochSeconds(replay.replayStartTime),
    ReplayEndTime: epochSeconds(replay.replayEndTime),
  };
}

function destination(input: Input): Replay['destination'] {
  const value = (input.Destination ?? {}) as Input;
  const filterArns = value.FilterArns;
  return { Arn: requiredString(value, 'Arn'), ...(Array.isArray(filterArns) ? { FilterArns: filterArns as string[] } : {}) };
}

/** The archive and replay operations of the EventBridge API. */
export const archiveOperations: Record<string, Operation> = {
  CreateArchive: (engine, input) => {
    const archive = engine.archives.create({
      name: requiredString(input, 'ArchiveName'),
      eventSourceArn: requiredString(input, 'EventSourceArn'),
      description: optionalString(input, 'Description'),
      eventPattern: optionalString(input, 'EventPattern'),
      retentionDays: optionalNumber(input, 'RetentionDays'),
    });
    return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: epochSeconds(archive.createdAt) };
  },
  DescribeArchive: (engine, input) => describeArchive(engine.archives.archive(requiredString(input, 'ArchiveName'))),
  ListArchives: (engine, input) => {
    const filter = { namePrefix: optionalString(input, 'NamePrefix'), eventSourceArn: optionalString(input, 'EventSourceArn') };
    const { items, NextToken } = page(engine.archives.list(filter), input);
    return { Archives: items.map(archiveSummary), NextToken };
  },
  DeleteArchive: (engine, input) => {
    engine.archives.delete(requiredString(input, 'ArchiveName'));
    return {};
  },
  StartReplay: (engine, input) => {
    const replay = engine.startReplay({
      name: requiredString(input, 'ReplayName'),
      description: optionalString(input, 'Description'),
      eventSourceArn: requiredString(input, 'EventSourceArn'),
      eventStartTime: requiredTime(input, 'EventStartTime'),
      eventEndTime: requiredTime(input, 'EventEndTime'),
      destination: destination(input),
    });
    return { ReplayArn: replay.arn, State: 'STARTING', ReplayStartTime: epochSeconds(replay.replayStartTime) };
  },
  DescribeReplay: (engine, input) => describeReplay(engine.archives.replay(requiredString(input, 'ReplayName'))),
  ListReplays: (engine, input) => {
    const { items, NextToken } = page(engine.archives.listReplays(optionalString(input, 'NamePrefix')), input);
    return { Replays: items.map(describeReplay), NextToken };
  },
};

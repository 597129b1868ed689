import type { Json } from '../../core/contracts';
import { isRecord } from '../engine/types';
import { DynamoDbApiError, resourceNotFound, validationError } from '../errors';
import type { DynamoDbContext, Payload } from '../api/context';

/**
 * UpdateTimeToLive, which dynalite lacks. AWS takes up to an hour to apply a change and refuses another in
 * that hour; locally the change is immediate and the expiry sweeper picks the table up on its next pass.
 */
export async function updateTimeToLive(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const specification = payload.TimeToLiveSpecification;
  if (!isRecord(specification)) {
    throw validationError(
      "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null",
    );
  }
  const attributeName = specification.AttributeName;
  const enabled = specification.Enabled;
  if (typeof attributeName !== 'string' || attributeName.length < 1 || attributeName.length > 255) {
    throw validationError(
      `1 validation error detected: Value '${String(attributeName ?? 'null')}' at 'timeToLiveSpecification.attributeName' ` +
        'failed to satisfy constraint: Member must have length greater than or equal to 1',
    );
  }
  if (typeof enabled !== 'boolean') {
    throw validationError(
      "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null",
    );
  }
  const tableName = await existingTable(ctx, payload.TableName);
  checkTransition(ctx.catalog.settings(tableName).ttl, attributeName, enabled);
  ctx.catalog.update(tableName, { ttl: { attributeName, enabled } });
  return { TimeToLiveSpecification: { AttributeName: attributeName, Enabled: enabled } };
}

/** DescribeTimeToLive: dynalite always answers DISABLED; this answers what UpdateTimeToLive set. */
export async function describeTimeToLive(ctx: DynamoDbContext, payload: Payload): Promise<Record<string, Json>> {
  const tableName = await existingTable(ctx, payload.TableName);
  const ttl = ctx.catalog.settings(tableName).ttl;
  return {
    TimeToLiveDescription: ttl?.enabled
      ? { TimeToLiveStatus: 'ENABLED', AttributeName: ttl.attributeName }
      : { TimeToLiveStatus: 'DISABLED' },
  };
}

function checkTransition(current: { attributeName: string; enabled: boolean } | undefined, name: string, enabled: boolean): void {
  if (enabled && current?.enabled) throw validationError('TimeToLive is already enabled');
  if (!enabled && !current?.enabled) throw validationError('TimeToLive is already disabled');
  if (!enabled && current && current.attributeName !== name) {
    throw validationError(`TimeToLive is active on a different AttributeName: current AttributeName is ${current.attributeName}`);
  }
}

async function existingTable(ctx: DynamoDbContext, tableName: unknown): Promise<string> {
  if (typeof tableName !== 'string' || !/^[a-zA-Z0-9_.-]{3,255}$/.test(tableName)) {
    throw new DynamoDbApiError(
      'ValidationException',
      `1 validation error detected: Value '${String(tableName)}' at 'tableName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    );
  }
  if (!(await ctx.catalog.describe(tableName))) throw resourceNotFound();
  return tableName;
}

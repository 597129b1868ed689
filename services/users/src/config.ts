// The only file that reads process.env. Each function reads the variables it needs once, at cold
// start, and fails loudly when one is missing (a misconfigured function should not start at all).

export class MissingConfigError extends Error {
  readonly code = 'USERS.MISSING_CONFIG';

  constructor(key: string) {
    super(`Environment variable ${key} is not set`);
    this.name = 'MissingConfigError';
  }
}

function required(key: string): string {
  const value = process.env[key];
  if (value === undefined || value === '') throw new MissingConfigError(key);
  return value;
}

/** The users table (profiles): every function. */
export const tableName = () => required('TABLE_NAME');
/** The shared event bus: every function publishes. */
export const eventBusName = () => required('EVENT_BUS_NAME');
/** The stage, written to every event's `metadata.environment`. */
export const stageName = () => required('STAGE_NAME');
/** The Cognito user pool whose users `DELETE /me` deletes. */
export const userPoolId = () => required('USER_POOL_ID');

import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { makeSmokeTest } from './smoke-test';

/** A setting the LiveAlias construct gives the hook is missing: the hook was deployed by hand. */
export class MissingHookSettingError extends Error {
  override readonly name = 'MissingHookSettingError';
  readonly code = 'CDK.MISSING_HOOK_SETTING';

  constructor(readonly key: string) {
    super(`${key} is not set: the LiveAlias construct sets it`);
  }
}

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new MissingHookSettingError(key);
  return value;
}

// The LiveAlias construct sets both: the version this deployment shifts traffic to, and the event to send it.
export const handler = makeSmokeTest({
  lambda: new LambdaClient({}),
  codeDeploy: new CodeDeployClient({}),
  targetVersionArn: required('TARGET_VERSION_ARN'),
  smokeEvent: required('SMOKE_EVENT'),
});

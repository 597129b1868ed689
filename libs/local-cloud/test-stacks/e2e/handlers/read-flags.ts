import { AppConfigDataClient, GetLatestConfigurationCommand, StartConfigurationSessionCommand } from '@aws-sdk/client-appconfigdata';

const [application, environment, profile] = ['APPCONFIG_APPLICATION_ID', 'APPCONFIG_ENVIRONMENT_ID', 'APPCONFIG_PROFILE_ID'].map((name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
});
const appConfig = new AppConfigDataClient({});
// Module scope lives as long as the execution environment: a warm invoke polls with the next token and
// keeps the last flags, since AppConfig Data answers an empty body when nothing changed.
let token: string | undefined;
let flags: Record<string, { enabled: boolean }> = {};

/** Reads the feature flags through AppConfig Data, as a backend function gates behaviour on them. */
export const handler = async (): Promise<Record<string, { enabled: boolean }>> => {
  token ??= (
    await appConfig.send(new StartConfigurationSessionCommand({ ApplicationIdentifier: application, EnvironmentIdentifier: environment, ConfigurationProfileIdentifier: profile }))
  ).InitialConfigurationToken;
  const latest = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: token }));
  token = latest.NextPollConfigurationToken;
  if (latest.Configuration?.length) flags = JSON.parse(new TextDecoder().decode(latest.Configuration)) as typeof flags;
  console.info('feature flags read', JSON.stringify(flags));
  return flags;
};

import {
  AppConfigDataClient,
  BadRequestException,
  GetLatestConfigurationCommand,
  StartConfigurationSessionCommand,
} from '@aws-sdk/client-appconfigdata';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppConfigFlagEvaluator, type FlagsProblem } from './evaluator';

const appConfig = mockClient(AppConfigDataClient);
// What the SDK's deserializer hands back: the bytes, with the blob adapter's transformToString.
const blob = (text: string) => Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
const json = (value: unknown) => blob(JSON.stringify(value));
const AMEX_ON = { 'amex-payments': { enabled: true }, 'free-shipping': { enabled: true, thresholdMinor: 7500 } };

function anEvaluator(maxAgeSeconds: number, clock = { now: 0 }, problems: FlagsProblem[] = []) {
  return new AppConfigFlagEvaluator({
    application: 'shop',
    environment: 'dev',
    profile: 'feature-flags',
    client: new AppConfigDataClient({ region: 'eu-west-2' }),
    maxAgeSeconds,
    now: () => clock.now,
    onProblem: (problem) => problems.push(problem),
  });
}

beforeEach(() => {
  appConfig.reset();
  appConfig.on(StartConfigurationSessionCommand).resolves({ InitialConfigurationToken: 'token-0' });
});

describe('AppConfigFlagEvaluator', () => {
  it('reads the flags of its profile through a configuration session', async () => {
    appConfig.on(GetLatestConfigurationCommand).resolves({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-1' });

    const snapshot = await anEvaluator(15).flags();

    expect(snapshot.source).toBe('appconfig');
    expect(snapshot.flags['amex-payments'].enabled).toBe(true);
    expect(snapshot.flags['free-shipping'].thresholdMinor).toBe(7500);
    expect(appConfig.commandCalls(StartConfigurationSessionCommand)[0]?.args[0].input).toEqual({
      ApplicationIdentifier: 'shop',
      EnvironmentIdentifier: 'dev',
      ConfigurationProfileIdentifier: 'feature-flags',
      RequiredMinimumPollIntervalInSeconds: 15,
    });
  });

  it('reuses a read until it is older than maxAgeSeconds, then polls with the token it was given', async () => {
    const clock = { now: 0 };
    appConfig.on(GetLatestConfigurationCommand).resolves({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-1' });
    const evaluator = anEvaluator(15, clock);
    await evaluator.flags();

    clock.now = 14_000;
    await evaluator.flags();
    clock.now = 15_000;
    await evaluator.flags();

    const tokens = appConfig.commandCalls(GetLatestConfigurationCommand).map((call) => call.args[0].input.ConfigurationToken);
    expect(tokens).toEqual(['token-0', 'token-1']);
    expect(appConfig.commandCalls(StartConfigurationSessionCommand)).toHaveLength(1);
  });

  it('shows a flag change on the next call when maxAgeSeconds is 0', async () => {
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce({ Configuration: json({}), NextPollConfigurationToken: 'token-1' })
      .resolvesOnce({ Configuration: json({ recommendations: { enabled: true } }), NextPollConfigurationToken: 'token-2' });
    const evaluator = anEvaluator(0);

    const before = await evaluator.flag('recommendations');
    const after = await evaluator.flag('recommendations');

    expect(before.enabled).toBe(false);
    expect(after.enabled).toBe(true);
  });

  it('keeps the current flags when AppConfig answers that nothing changed', async () => {
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-1' })
      .resolvesOnce({ Configuration: blob(''), NextPollConfigurationToken: 'token-2' });
    const evaluator = anEvaluator(0);
    await evaluator.flags();

    const snapshot = await evaluator.flags();

    expect(snapshot.source).toBe('appconfig');
    expect(snapshot.flags['amex-payments'].enabled).toBe(true);
  });

  it('answers the registry defaults, and reports why, when AppConfig was never reached', async () => {
    const problems: FlagsProblem[] = [];
    appConfig.on(StartConfigurationSessionCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:4566'));

    const snapshot = await anEvaluator(0, { now: 0 }, problems).flags();

    expect(snapshot.source).toBe('defaults');
    expect(snapshot.flags['free-shipping']).toEqual({ enabled: true, thresholdMinor: 5000 });
    expect(problems).toMatchObject([{ kind: 'unreachable', using: 'defaults', error: { code: 'FLAGS.READ_FAILED' } }]);
  });

  it('keeps the last flags it read while AppConfig is unreachable', async () => {
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-1' })
      .rejects(new Error('socket hang up'));
    const evaluator = anEvaluator(0);
    await evaluator.flags();

    const snapshot = await evaluator.flags();

    expect(snapshot.source).toBe('last-known');
    expect(snapshot.flags['amex-payments'].enabled).toBe(true);
  });

  it('starts a new session when AppConfig refuses an expired token', async () => {
    const expired = new BadRequestException({ message: 'Token expired', $metadata: {} });
    appConfig
      .on(GetLatestConfigurationCommand)
      .resolvesOnce({ Configuration: json({}), NextPollConfigurationToken: 'token-1' })
      .rejectsOnce(expired)
      .resolves({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-9' });
    const evaluator = anEvaluator(0);
    await evaluator.flags();

    const snapshot = await evaluator.flags();

    expect(snapshot.flags['amex-payments'].enabled).toBe(true);
    expect(appConfig.commandCalls(StartConfigurationSessionCommand)).toHaveLength(2);
  });

  it('shares one poll between concurrent callers', async () => {
    appConfig.on(GetLatestConfigurationCommand).resolves({ Configuration: json(AMEX_ON), NextPollConfigurationToken: 'token-1' });
    const evaluator = anEvaluator(0);

    const snapshots = await Promise.all([evaluator.flags(), evaluator.flags(), evaluator.flags()]);

    expect(snapshots.every((snapshot) => snapshot.flags['amex-payments'].enabled)).toBe(true);
    expect(appConfig.commandCalls(GetLatestConfigurationCommand)).toHaveLength(1);
  });

  it('reports a configuration that is not JSON and falls back to the defaults', async () => {
    const problems: FlagsProblem[] = [];
    appConfig.on(GetLatestConfigurationCommand).resolves({ Configuration: blob('{oops'), NextPollConfigurationToken: 't' });

    const snapshot = await anEvaluator(0, { now: 0 }, problems).flags();

    expect(snapshot.source).toBe('defaults');
    expect(problems[0]).toMatchObject({ kind: 'unreachable', error: { name: 'FlagsReadError' } });
  });
});

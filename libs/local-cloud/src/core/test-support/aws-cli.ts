import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LOCAL_CREDENTIALS } from '../endpoint-env';

/** Debian's AWS CLI, which CI installs (`apt-get install -y awscli`). */
export const AWS_CLI = '/usr/bin/aws';

const run = promisify(execFile);

/**
 * Runs the real AWS CLI against a local endpoint, with the local credentials and no user configuration.
 * Debian's CLI (2.9) ignores AWS_ENDPOINT_URL_*, hence `--endpoint-url`. Resolves with stdout.
 *
 * @internal
 * @example const out = await awsCli(server.url, 'us-east-1', 'ssm', 'get-parameter', '--name', '/a');
 */
export async function awsCli(endpointUrl: string, region: string, ...args: string[]): Promise<string> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    ...LOCAL_CREDENTIALS,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', endpointUrl, '--output', 'json'], { env });
  return stdout;
}

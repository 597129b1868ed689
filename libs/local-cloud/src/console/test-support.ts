import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import { eventBridgePlugin } from '../eventbridge/plugin';
import { lambdaPlugin } from '../lambda/plugin';
import { sqsPlugin } from '../sqs/plugin';
import { stepFunctionsService } from '../stepfunctions/plugin';
import { consolePlugin } from './plugin';

/** A rule on the `shop` bus starts the `fulfilment` workflow for each OrderPlaced; a queue redrives to its DLQ. */
const template = {
  Resources: {
    Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'shop' } },
    OrderPlaced: {
      Type: 'AWS::Events::Rule',
      Properties: {
        EventBusName: { Ref: 'Bus' },
        EventPattern: { source: ['shop.orders'], 'detail-type': ['OrderPlaced'] },
        Targets: [{ Id: 'Fulfil', Arn: { Ref: 'Fulfilment' }, RoleArn: 'arn:aws:iam::000000000000:role/events' }],
      },
    },
    Fulfilment: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineName: 'fulfilment',
        RoleArn: 'arn:aws:iam::000000000000:role/sfn',
        DefinitionString: JSON.stringify({
          StartAt: 'ReserveStock',
          States: {
            ReserveStock: { Type: 'Pass', Result: { reserved: true }, ResultPath: '$.stock', Next: 'ShipOrder' },
            ShipOrder: { Type: 'Pass', Next: 'Done' },
            Done: { Type: 'Succeed' },
          },
        }),
      },
    },
    PaymentsDlq: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'payments-dlq' } },
    Payments: {
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: 'payments', RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['PaymentsDlq', 'Arn'] }, maxReceiveCount: 1 } },
    },
  },
  Outputs: {
    StateMachineArn: { Value: { Ref: 'Fulfilment' } },
    PaymentsUrl: { Value: { Ref: 'Payments' } },
    PaymentsDlqUrl: { Value: { Ref: 'PaymentsDlq' } },
  },
};

/** @internal A local cloud running the console's demo stack, with the console. */
export interface ConsoleCloud {
  readonly cloud: LocalCloud;
  readonly consoleUrl: string;
  output(name: string): string;
  stop(): Promise<void>;
}

/**
 * @internal
 * Writes the demo stack as a cloud assembly (a template written by hand: the console needs no CDK or
 * bundling) and starts lambda, sqs, stepfunctions, eventbridge and the console on it.
 * @example
 * const demo = await startConsoleCloud();
 * await fetch(`${demo.consoleUrl}api/executions`);
 */
export async function startConsoleCloud(): Promise<ConsoleCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'local-cloud-console-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: { Demo: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Demo.template.json' } } } }));
  writeFileSync(join(dir, 'Demo.template.json'), JSON.stringify(template));
  const plugins = [lambdaPlugin(), sqsPlugin(), stepFunctionsService(), eventBridgePlugin(), consolePlugin()];
  const cloud = await LocalCloud.start({ assembly: dir, plugins, logger: silentLogger });
  const outputs = cloud.outputs()['Demo'] ?? {};
  return {
    cloud,
    consoleUrl: `${cloud.url}/_local/console/`,
    output: (name) => String(outputs[name]),
    async stop() {
      await cloud.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @internal SDK client settings for the demo cloud. */
export const clientConfig = (cloud: LocalCloud) => {
  const env = cloud.environment();
  return { endpoint: cloud.url, region: cloud.region, credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '', secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '' } };
};

const CHROMIUM = '/usr/bin/chromium';

/** @internal Where browser tests save their screenshots (a folder that ignores itself in git). */
export const SCREENSHOTS = new URL('../../.local-cloud/screenshots/', import.meta.url);

/**
 * @internal
 * Launches Debian's Chromium headless through playwright-core. Never skipped: without it the test fails and
 * says how to install it (CI runs `apt-get install -y chromium`).
 * @example const browser = await launchChromium(); const page = await browser.newPage();
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`The console's browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

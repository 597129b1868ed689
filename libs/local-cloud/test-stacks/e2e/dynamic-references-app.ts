import { App, CfnOutput, SecretValue, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry } from './service-function';

/** A parameter read by name, the way most CDK apps read one (a template parameter of an SSM parameter type). */
const SANDBOX_CURRENCY_PARAMETER = '/payments/sandbox/currency';

/** The payment provider's sandbox: an API key Secrets Manager generates, and where the sandbox answers. */
class PaymentsSandboxStack extends Stack {
  readonly apiKeySecret: secretsmanager.Secret;
  readonly sandboxUrl: ssm.StringParameter;

  constructor(scope: Construct, id: string, sandboxUrl: string) {
    super(scope, id);
    this.apiKeySecret = new secretsmanager.Secret(this, 'ApiKeySecret', { generateSecretString: { passwordLength: 40 } });
    this.sandboxUrl = new ssm.StringParameter(this, 'SandboxUrl', { stringValue: sandboxUrl });
    new ssm.StringParameter(this, 'SandboxCurrency', { parameterName: SANDBOX_CURRENCY_PARAMETER, stringValue: 'GBP' });
    new CfnOutput(this, 'ApiKeySecretArn', { value: this.apiKeySecret.secretArn });
  }
}

/**
 * The orders side, reading the sandbox's values through dynamic references (weak cross-stack references, so
 * the secret's ARN and the parameter's name arrive by Fn::GetStackOutput inside an Fn::Join): a connection
 * whose API key is `{{resolve:secretsmanager:...}}`, a workflow calling the sandbox through it, and a function
 * whose environment reads the parameter (`{{resolve:ssm:...}}`, latest and version 1, whole and embedded), and
 * another by name through a template parameter of type `AWS::SSM::Parameter::Value<String>`.
 */
class OrdersStack extends Stack {
  constructor(scope: Construct, id: string, payments: PaymentsSandboxStack) {
    super(scope, id);
    const connection = new events.Connection(this, 'PaymentsConnection', {
      authorization: events.Authorization.apiKey('x-api-key', payments.apiKeySecret.secretValue),
    });
    const authorize = new tasks.HttpInvoke(this, 'AuthorizePayment', {
      apiRoot: payments.sandboxUrl.stringValue,
      apiEndpoint: sfn.TaskInput.fromText('charges'),
      method: sfn.TaskInput.fromText('POST'),
      body: sfn.TaskInput.fromObject({ amount: 5000, currency: 'GBP' }),
      connection,
    });
    const workflow = new sfn.StateMachine(this, 'AuthorizePayments', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(authorize),
    });
    const parameterName = payments.sandboxUrl.parameterName;
    const latest = ssm.StringParameter.fromStringParameterAttributes(this, 'SandboxUrlLatest', { parameterName, simpleName: true, forceDynamicReference: true });
    const first = ssm.StringParameter.fromStringParameterAttributes(this, 'SandboxUrlV1', { parameterName, simpleName: true, version: 1 });
    const readSettings = new E2eFunction(this, 'ReadSettingsFunction', {
      entry: handlerEntry('read-settings'),
      serviceName: 'orders',
      environment: {
        SANDBOX_URL: latest.stringValue,
        CHARGES_URL: `${first.stringValue}/charges`,
        CURRENCY: ssm.StringParameter.valueForStringParameter(this, SANDBOX_CURRENCY_PARAMETER),
      },
    });
    new CfnOutput(this, 'AuthorizePaymentsArn', { value: workflow.stateMachineArn });
    new CfnOutput(this, 'ReadSettingsFunctionName', { value: readSettings.functionName });
  }
}

const newApp = (outdir: string): App =>
  new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' } });

/**
 * Synthesizes the two stacks into `outdir` with weak cross-stack references (`Fn::GetStackOutput`), as the
 * Shop's stages do, and returns the folder. `sandboxUrl` is where the test's sandbox server listens.
 *
 * @example
 * const cdkOut = synthDynamicReferencesApp(mkdtempSync(join(tmpdir(), 'cdk-')), 'http://127.0.0.1:4010');
 */
export function synthDynamicReferencesApp(outdir: string, sandboxUrl: string): string {
  const app = newApp(outdir);
  const payments = new PaymentsSandboxStack(app, 'PaymentsSandbox', sandboxUrl);
  new OrdersStack(app, 'Orders', payments);
  app.synth();
  return outdir;
}

/**
 * Synthesizes one stack whose connection reads a secret no template creates (a key of it, by name), and
 * returns the folder: the local cloud must refuse to start rather than send the reference as the key.
 *
 * @example
 * await LocalCloud.start({ assembly: synthMissingSecretApp(dir), plugins: defaultPlugins() }); // rejects
 */
export function synthMissingSecretApp(outdir: string): string {
  const app = newApp(outdir);
  const stack = new Stack(app, 'Orders');
  new events.Connection(stack, 'PaymentsConnection', {
    authorization: events.Authorization.apiKey('x-api-key', SecretValue.secretsManager('payments/not-created', { jsonField: 'apiKey' })),
  });
  app.synth();
  return outdir;
}

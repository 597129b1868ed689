/**
 * Everything a test needs to reach one running copy of the shop, wherever it runs: the local cloud started by
 * the global setup, or a deployed stage. Handed to the tests by vitest's `provide`/`inject`, so it must stay
 * plain JSON.
 */
export interface ShopTarget {
  /** `local` (the local cloud) or the deployed stage's name (`dev`, `staging`...). */
  readonly stage: string;
  /** The HTTP API's base URL (output `ApiUrl` of `Shop<Stage>-Stateless`), without a trailing slash. */
  readonly apiUrl: string;
  readonly userPoolId: string;
  readonly storefrontClientId: string;
  readonly eventBusName: string;
  /** The checkout REST API's base URL (output `CheckoutApiUrl`), with its trailing slash: POST `${checkoutApiUrl}checkout`. */
  readonly checkoutApiUrl: string;
  /** The payment sandbox's URL (output `PaymentsUrl` of `Shop<Stage>-Payments`), without a trailing slash. */
  readonly paymentsUrl: string;
  /** The secret holding the sandbox's API key (output `PaymentsApiKeySecretArn`): cards are tokenized with it. */
  readonly paymentsApiKeySecretArn: string;
  /**
   * What the AWS SDK clients need: `AWS_ENDPOINT_URL_*`, region and credentials for the local cloud; only the
   * region for a deployed stage (credentials then come from the default provider chain).
   */
  readonly env: Readonly<Record<string, string>>;
  /** The local cloud's gateway (for `/_local/lambda-logs`); absent for a deployed stage. */
  readonly localCloudUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    shop: ShopTarget;
  }
}

/** The CloudFormation stack names of a stage, as infra's `stageId` builds them. */
export interface ShopStacks {
  readonly stateful: string;
  readonly stateless: string;
  readonly payments: string;
}

/**
 * The stack names of one stage of the shop.
 *
 * @example
 * shopStacks('dev'); // { stateful: 'ShopDev-Stateful', stateless: 'ShopDev-Stateless', payments: 'ShopDev-Payments' }
 */
export function shopStacks(stage: string): ShopStacks {
  const id = `Shop${stage.charAt(0).toUpperCase()}${stage.slice(1)}`;
  return { stateful: `${id}-Stateful`, stateless: `${id}-Stateless`, payments: `${id}-Payments` };
}

/** A stack output the shop must have is missing: the stage is not deployed, or not this version of it. */
export class MissingOutputError extends Error {
  override readonly name = 'MissingOutputError';
  readonly code = 'E2E.MISSING_OUTPUT';

  constructor(stack: string, output: string, options?: ErrorOptions) {
    super(`Stack ${stack} has no output ${output}`, options);
  }
}

type Outputs = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * The target's URLs and names from the stacks' outputs, by stack name then output name.
 *
 * @throws MissingOutputError naming the first output that is missing.
 * @example
 * const target = targetFromOutputs('dev', cloud.outputs(), cloud.environment());
 */
export function targetFromOutputs(stage: string, outputs: Outputs, env: Record<string, string>): ShopTarget {
  const stacks = shopStacks(stage);
  const output = (stack: string, name: string): string => {
    const value = outputs[stack]?.[name];
    if (typeof value !== 'string' || value === '') throw new MissingOutputError(stack, name);
    return value;
  };
  return {
    stage,
    apiUrl: output(stacks.stateless, 'ApiUrl').replace(/\/+$/, ''),
    userPoolId: output(stacks.stateful, 'UserPoolId'),
    storefrontClientId: output(stacks.stateful, 'StorefrontClientId'),
    eventBusName: output(stacks.stateful, 'EventBusName'),
    checkoutApiUrl: output(stacks.stateless, 'CheckoutApiUrl').replace(/\/*$/, '/'),
    paymentsUrl: output(stacks.payments, 'PaymentsUrl').replace(/\/+$/, ''),
    paymentsApiKeySecretArn: output(stacks.payments, 'PaymentsApiKeySecretArn'),
    env,
  };
}

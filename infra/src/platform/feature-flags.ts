import { Stack } from 'aws-cdk-lib';
import * as appconfig from 'aws-cdk-lib/aws-appconfig';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * Every feature flag of the shop, off until someone turns it on. The backend and the storefront read them
 * through AppConfig Data; changing one is a configuration deployment, not a code deployment.
 */
export const FEATURE_FLAGS = {
  'amex-payments': {
    name: 'American Express payments',
    description:
      'Offer Amex at checkout (Visa and Mastercard are always offered); the checkout refuses Amex while off.',
  },
} as const satisfies Record<string, { name: string; description: string }>;
export type FeatureFlagName = keyof typeof FEATURE_FLAGS;

export interface ShopFeatureFlagsProps {
  /** The AppConfig environment, e.g. the stage name. */
  readonly environmentName: string;
  /** Roll a flag change out gradually (canary over 20 minutes, watched by alarms) rather than at once. */
  readonly gradualRollout: boolean;
}

/**
 * The shop's feature flags: one AppConfig application, one environment for this stage and one feature-flag
 * configuration profile (AppConfig's `AWS.AppConfig.FeatureFlags` type, which validates the flags document),
 * deployed with the stage.
 *
 * @example
 * const flags = new ShopFeatureFlags(this, 'FeatureFlags', { environmentName: 'dev', gradualRollout: false });
 * flags.grantRead(priceCheckoutFunction);
 */
export class ShopFeatureFlags extends Construct {
  readonly applicationId: string;
  readonly environmentId: string;
  readonly configurationProfileId: string;

  constructor(scope: Construct, id: string, props: ShopFeatureFlagsProps) {
    super(scope, id);
    const application = new appconfig.Application(this, 'Application', {
      description: 'Shop feature flags, read by the services and the storefront',
    });
    const environment = new appconfig.Environment(this, 'Environment', {
      application,
      environmentName: props.environmentName,
    });
    const strategyId = props.gradualRollout
      ? appconfig.DeploymentStrategyId.CANARY_10_PERCENT_20_MINUTES
      : appconfig.DeploymentStrategyId.ALL_AT_ONCE;
    const flags = new appconfig.HostedConfiguration(this, 'Flags', {
      application,
      name: 'feature-flags',
      type: appconfig.ConfigurationType.FEATURE_FLAGS,
      content: appconfig.ConfigurationContent.fromInlineJson(JSON.stringify(flagsDocument())),
      deploymentStrategy: appconfig.DeploymentStrategy.fromDeploymentStrategyId(this, 'Strategy', strategyId),
      deployTo: [environment],
    });
    this.applicationId = application.applicationId;
    this.environmentId = environment.environmentId;
    this.configurationProfileId = flags.configurationProfileId;
  }

  /** Lets `grantee` read the flags through AppConfig Data (StartConfigurationSession, GetLatestConfiguration). */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    const configuration = `${this.applicationId}/environment/${this.environmentId}/configuration/${this.configurationProfileId}`;
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
      resourceArns: [
        Stack.of(this).formatArn({ service: 'appconfig', resource: 'application', resourceName: configuration }),
      ],
    });
  }
}

/** The AppConfig feature-flags document (version 1): each flag defined, and its value, off. */
export function flagsDocument(): Record<string, unknown> {
  const names = Object.keys(FEATURE_FLAGS) as FeatureFlagName[];
  return {
    version: '1',
    flags: Object.fromEntries(
      names.map((flag) => [flag, { name: FEATURE_FLAGS[flag].name, description: FEATURE_FLAGS[flag].description }]),
    ),
    values: Object.fromEntries(names.map((flag) => [flag, { enabled: false }])),
  };
}

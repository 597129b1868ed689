import { Stack } from 'aws-cdk-lib';
import * as appconfig from 'aws-cdk-lib/aws-appconfig';
import * as iam from 'aws-cdk-lib/aws-iam';
import { toAppConfigFeatureFlags } from '@shop/feature-flags';
import { Construct } from 'constructs';

export interface ShopFeatureFlagsProps {
  /** The AppConfig environment, e.g. the stage name. */
  readonly environmentName: string;
  /** Roll a flag change out gradually (canary over 20 minutes, watched by alarms) rather than at once. */
  readonly gradualRollout: boolean;
}

/**
 * The shop's feature flags: one AppConfig application, one environment for this stage and one feature-flag
 * configuration profile (AppConfig's `AWS.AppConfig.FeatureFlags` type, which validates the flags document),
 * deployed with the stage. The document comes from the registry in `@shop/feature-flags`, the same one the
 * storefront and the services read their typed flags and defaults from; changing a flag afterwards is a
 * configuration deployment (console or API), not a code deployment.
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
      content: appconfig.ConfigurationContent.fromInlineJson(JSON.stringify(toAppConfigFeatureFlags())),
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

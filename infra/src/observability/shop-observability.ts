import { SavedQueries, ServiceFunction } from '@shop/cdk-constructs';
import { Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { BusinessDashboard } from './business-dashboard';
import { StorefrontCanary } from './storefront-canary';

export interface ShopObservabilityProps {
  /** e.g. 'prod': titles the dashboard and names the Logs Insights folder (`ShopProd`). */
  readonly stageName: string;
  /** Log groups the saved queries search. @default - every ServiceFunction's log group in this stack so far */
  readonly logGroups?: readonly logs.ILogGroup[];
  /** The deployed storefront and the canary's customer: without them, no canary. @default - no canary */
  readonly storefront?: { readonly url: string; readonly customerSecret: secretsmanager.ISecret };
  /** Shown on the business dashboard beside the canary's. @default - none */
  readonly alarms?: readonly cloudwatch.IAlarm[];
}

/**
 * The shop-wide observability of one stage: the business dashboard, the saved Logs Insights queries across
 * services and, once the storefront is deployed, the checkout canary. The ObservabilityStack passes the
 * services' log groups; without `logGroups` it searches the functions already in its own stack:
 *
 * @example
 * new ShopObservability(this, 'Shop', { stageName: config.stageName, logGroups, storefront: { url, customerSecret } });
 */
export class ShopObservability extends Construct {
  readonly dashboard: BusinessDashboard;
  readonly queries: SavedQueries;
  readonly canary: StorefrontCanary | undefined;

  constructor(scope: Construct, id: string, props: ShopObservabilityProps) {
    super(scope, id);
    const folder = `Shop${props.stageName.charAt(0).toUpperCase()}${props.stageName.slice(1)}`;
    this.queries = new SavedQueries(this, 'Queries', { folder, logGroups: props.logGroups ?? serviceLogGroups(scope) });
    this.canary = props.storefront
      ? new StorefrontCanary(this, 'StorefrontCanary', {
          storefrontUrl: props.storefront.url,
          customerSecret: props.storefront.customerSecret,
        })
      : undefined;
    this.dashboard = new BusinessDashboard(this, 'BusinessDashboard', {
      stageName: props.stageName,
      alarms: [...(this.canary ? [this.canary.failed] : []), ...(props.alarms ?? [])],
    });
  }
}

function serviceLogGroups(scope: Construct): logs.ILogGroup[] {
  return Stack.of(scope)
    .node.findAll()
    .filter((construct): construct is ServiceFunction => construct instanceof ServiceFunction)
    .map((fn) => fn.serviceLogGroup);
}

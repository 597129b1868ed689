import { lambdaDeploymentConfig, LiveAlias, type LiveAliasProps, type Rollout } from '@shop/cdk-constructs';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { priceCheckoutFaults } from './checkout-alarms';
import type { OrdersHandler } from './orders-functions';
import { missingCartRequest } from './orders-routes';

export interface OrdersLiveAliasesProps {
  readonly functions: Record<OrdersHandler, lambda.Function>;
  /** StageConfig's `rollout`: a 10% canary for five minutes, or all at once. */
  readonly rollout: Rollout;
  /** Where the rollback alarms notify. @default - nowhere */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/** What differs between the functions' aliases: a smoke test, or what counts as a fault. */
const ALIAS_OPTIONS: Partial<Record<OrdersHandler, Pick<LiveAliasProps, 'smokeEvent' | 'faults'>>> = {
  // A read of a cart that cannot exist: a 404 proves the new code runs and reaches its table.
  carts: { smokeEvent: missingCartRequest() },
  // It throws its refusals (an empty cart, a declined brand) on purpose: only other errors roll back.
  priceCheckout: { faults: priceCheckoutFaults },
};

/**
 * The `live` alias of every orders function, in one CodeDeploy application: what the routes, the inbox queues
 * and the intake's PriceCheckout task invoke, so that each new version reaches them by the stage's rollout and
 * rolls back on the alias's faults or p99 duration.
 */
export class OrdersLiveAliases extends Construct {
  readonly deployments: codedeploy.LambdaApplication;
  /** CodeDeploy's one role for the service, which each alias adds its own scoped statements to. */
  readonly deploymentRole: iam.Role;
  readonly byHandler: Record<OrdersHandler, LiveAlias>;

  constructor(scope: Construct, id: string, props: OrdersLiveAliasesProps) {
    super(scope, id);
    this.deployments = new codedeploy.LambdaApplication(this, 'Deployments');
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: 'CodeDeploy shifts the live alias of each function of the service, watching its alarms',
    });
    const live = (handler: OrdersHandler): LiveAlias => {
      const fn = props.functions[handler];
      const alias = new LiveAlias(this, fn.node.id, {
        fn,
        deploymentConfig: lambdaDeploymentConfig(props.rollout),
        application: this.deployments,
        deploymentRole: this.deploymentRole,
        ...ALIAS_OPTIONS[handler],
      });
      // A release rolling back is news: the rollback alarms notify where the function's own alarms do.
      for (const alarm of [alias.errors, alias.duration]) alarm.addAlarmAction(...(props.alarmActions ?? []));
      return alias;
    };
    const handlers = Object.keys(props.functions) as OrdersHandler[];
    this.byHandler = Object.fromEntries(handlers.map((handler) => [handler, live(handler)])) as Record<
      OrdersHandler,
      LiveAlias
    >;
  }

  /** The alias a handler's invoker targets. */
  aliasOf(handler: OrdersHandler): lambda.Alias {
    return this.byHandler[handler].alias;
  }

  get all(): LiveAlias[] {
    return Object.values(this.byHandler);
  }
}

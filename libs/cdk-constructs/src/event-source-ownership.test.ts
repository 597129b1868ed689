import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { ConflictingServiceTagError, InvalidEventSourceError, UntaggableGranteeError } from './errors';
import {
  addSourceOwnershipPolicy,
  grantPutEventsForSource,
  SERVICE_TAG_KEY,
  serviceOfSource,
} from './event-source-ownership';
import { awsSolutionsFindings } from './testing';

function aStackWithBus(id = 'TestStack') {
  const stack = new Stack(new App(), id);
  const bus = new events.EventBus(stack, 'EventBus');
  const busId = stack.getLogicalId(bus.node.defaultChild as events.CfnEventBus);
  return { stack, bus, busArn: { 'Fn::GetAtt': [busId, 'Arn'] } };
}

const aLambdaRole = (stack: Stack, id: string) =>
  new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

describe('grantPutEventsForSource', () => {
  it('allows PutEvents on the bus only when every entry has the given source', () => {
    const { stack, bus, busArn } = aStackWithBus();
    const role = aLambdaRole(stack, 'OrdersRole');

    grantPutEventsForSource(bus, role, 'shop.orders');

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'events:PutEvents',
            Resource: busArn,
            Condition: {
              'ForAllValues:StringEquals': { 'events:source': ['shop.orders'] },
              Null: { 'events:source': 'false' },
            },
          },
        ],
      },
    });
  });

  it('tags the grantee’s role with its service for the bus policy', () => {
    const { stack, bus } = aStackWithBus();
    const role = aLambdaRole(stack, 'OrdersRole');

    grantPutEventsForSource(bus, role, 'shop.orders');

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Tags: [{ Key: SERVICE_TAG_KEY, Value: 'orders' }],
    });
  });

  it('accepts a second grant for the same service', () => {
    const { stack, bus } = aStackWithBus();
    const role = aLambdaRole(stack, 'OrdersRole');
    grantPutEventsForSource(bus, role, 'shop.orders');

    const act = () => grantPutEventsForSource(bus, role, 'shop.orders');

    expect(act).not.toThrow();
  });

  it('refuses to let one role publish for two services', () => {
    const { stack, bus } = aStackWithBus();
    const role = aLambdaRole(stack, 'OrdersRole');
    grantPutEventsForSource(bus, role, 'shop.orders');

    const act = () => grantPutEventsForSource(bus, role, 'shop.products');

    expect(act).toThrow(ConflictingServiceTagError);
  });

  it('refuses an imported role, which it cannot tag', () => {
    const { stack, bus } = aStackWithBus();
    const imported = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::111111111111:role/elsewhere');

    const act = () => grantPutEventsForSource(bus, imported, 'shop.orders');

    expect(act).toThrow(UntaggableGranteeError);
  });

  it.each(['orders', 'aws.orders', 'shop.Orders', 'shop.', 'shop.orders.extra'])('refuses the source %s', (source) => {
    const { stack, bus } = aStackWithBus();

    const act = () => grantPutEventsForSource(bus, aLambdaRole(stack, 'Role'), source);

    expect(act).toThrow(InvalidEventSourceError);
  });
});

describe('serviceOfSource', () => {
  it('names the service that owns a source', () => {
    expect(serviceOfSource('shop.invoices')).toBe('invoices');
  });
});

describe('addSourceOwnershipPolicy', () => {
  it('denies tagged principals any source but their own', () => {
    const { stack, bus, busArn } = aStackWithBus();

    addSourceOwnershipPolicy(bus);

    Template.fromStack(stack).hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: {
        Effect: 'Deny',
        Principal: '*',
        Action: 'events:PutEvents',
        Resource: busArn,
        Condition: {
          'ForAnyValue:StringNotEquals': { 'events:source': 'shop.${aws:PrincipalTag/shop-service}' },
          Null: { 'aws:PrincipalTag/shop-service': 'false' },
        },
      },
    });
  });

  it('denies untagged principals every shop source', () => {
    const { stack, bus, busArn } = aStackWithBus();

    addSourceOwnershipPolicy(bus);

    Template.fromStack(stack).hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: {
        Effect: 'Deny',
        Principal: '*',
        Action: 'events:PutEvents',
        Resource: busArn,
        Condition: {
          'ForAnyValue:StringLike': { 'events:source': 'shop.*' },
          Null: { 'aws:PrincipalTag/shop-service': 'true' },
        },
      },
    });
  });

  it('derives statement ids from the bus path, so two stacks never share one', () => {
    const first = aStackWithBus('DevStateful');
    const second = aStackWithBus('StagingStateful');
    addSourceOwnershipPolicy(first.bus);
    addSourceOwnershipPolicy(second.bus);

    const ids = [first.stack, second.stack].flatMap((stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::Events::EventBusPolicy')).map(
        (policy) => policy.Properties.StatementId as string,
      ),
    );

    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
  });

  it('creates the statements one after the other', () => {
    const { stack, bus } = aStackWithBus();

    addSourceOwnershipPolicy(bus);

    const policies = Template.fromStack(stack).findResources('AWS::Events::EventBusPolicy');
    const [first, second] = Object.entries(policies).map(([id, policy]) => ({ id, policy }));
    expect(Object.keys(policies)).toHaveLength(2);
    expect(first?.policy.DependsOn).toBeUndefined();
    expect(second?.policy.DependsOn).toEqual([first?.id]);
  });
});

describe('source ownership under cdk-nag', () => {
  it('passes the AWS Solutions checks', () => {
    const app = new App();
    const stack = new Stack(app, 'TestStack');
    const bus = new events.EventBus(stack, 'EventBus');
    addSourceOwnershipPolicy(bus);
    grantPutEventsForSource(bus, aLambdaRole(stack, 'OrdersRole'), 'shop.orders');

    expect(awsSolutionsFindings(app)).toEqual([]);
  });
});

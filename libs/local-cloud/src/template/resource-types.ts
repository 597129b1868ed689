import { APP_CONFIG_AND_COGNITO_RULES } from './app-config-and-cognito-types';
import { stableId, stableUuid } from './names';
import { arn, named, type Identity, type NamingInput, type TypeRule } from './naming-rule';

export type { Identity, NamingInput } from './naming-rule';

const table: TypeRule['identity'] = (n) => {
  const name = n.name({ maxLength: 255 });
  const tableArn = arn(n, 'dynamodb', `table/${name}`);
  const streams = n.prop('StreamSpecification') !== undefined;
  const streamArn = `${tableArn}/stream/2025-01-01T00:00:00.000`;
  return {
    ref: name,
    physicalName: name,
    arn: tableArn,
    attributes: { Arn: tableArn, TableId: stableUuid(tableArn), ...(streams && { StreamArn: streamArn }) },
  };
};

const functionArnOf = (n: NamingInput): string => {
  const target = String(n.prop('FunctionName'));
  return target.startsWith('arn:') ? target : arn(n, 'lambda', `function:${target}`);
};

/** Naming rules per CloudFormation type, as CloudFormation and each service name things. */
const RULES: Record<string, TypeRule> = {
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    identity: named('name', (n, name) => arn(n, 'lambda', `function:${name}`)),
  },
  'AWS::Lambda::Version': {
    identity: (n) => {
      const version = String(n.ordinal('FunctionName'));
      const versionArn = `${functionArnOf(n)}:${version}`;
      return {
        ref: versionArn,
        physicalName: versionArn,
        arn: versionArn,
        attributes: { Version: version, FunctionArn: functionArnOf(n) },
      };
    },
  },
  'AWS::Lambda::Alias': {
    identity: (n) => {
      const aliasArn = `${functionArnOf(n)}:${String(n.prop('Name'))}`;
      return { ref: aliasArn, physicalName: aliasArn, arn: aliasArn, attributes: { AliasArn: aliasArn } };
    },
  },
  'AWS::Lambda::EventSourceMapping': {
    identity: (n) => {
      const id = stableUuid(`${n.stackName}/${n.logicalId}`);
      return {
        ref: id,
        physicalName: id,
        attributes: { Id: id, EventSourceMappingArn: arn(n, 'lambda', `event-source-mapping:${id}`) },
      };
    },
  },
  'AWS::Lambda::Url': {
    identity: (n) => {
      const id = stableId(`${n.stackName}/${n.logicalId}`, 32, 'lower');
      const url = `${n.endpointUrl}/_aws/lambda-url/${id}/`;
      return { ref: id, physicalName: id, attributes: { FunctionUrl: url, FunctionArn: functionArnOf(n) } };
    },
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    identity: named(
      'name',
      (n, name) => arn(n, 'iam', `role/${name}`, 'global'),
      (n) => ({ RoleId: `AROA${stableId(n.logicalId, 17).toUpperCase()}` }),
    ),
  },
  'AWS::IAM::ManagedPolicy': {
    nameProperty: 'ManagedPolicyName',
    identity: named('arn', (n, name) => arn(n, 'iam', `policy/${name}`, 'global')),
  },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    identity: (n) => {
      const fifo = n.prop('FifoQueue') === true || n.prop('FifoQueue') === 'true';
      const name = n.name({ maxLength: 80, ...(fifo && { suffix: '.fifo' }) });
      const url = `${n.endpointUrl}/${n.accountId}/${name}`;
      const queueArn = arn(n, 'sqs', name);
      return {
        ref: url,
        physicalName: name,
        arn: queueArn,
        attributes: { Arn: queueArn, QueueName: name, QueueUrl: url },
      };
    },
  },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    identity: named(
      'arn',
      (n, name) => arn(n, 'sns', name),
      (_n, name, a) => ({ TopicName: name, TopicArn: a }),
      256,
    ),
  },
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', identity: table },
  'AWS::DynamoDB::GlobalTable': { nameProperty: 'TableName', identity: table },
  'AWS::Events::EventBus': {
    nameProperty: 'Name',
    identity: named(
      'name',
      (n, name) => arn(n, 'events', `event-bus/${name}`),
      (_n, name) => ({ Name: name }),
      256,
    ),
  },
  'AWS::Events::Rule': {
    nameProperty: 'Name',
    identity: (n) => {
      const name = n.name({ maxLength: 64 });
      const busArnOrName = n.prop('EventBusName');
      const bus = typeof busArnOrName === 'string' ? busArnOrName.split('/').pop()! : 'default';
      const ruleArn = arn(n, 'events', bus === 'default' ? `rule/${name}` : `rule/${bus}/${name}`);
      return {
        ref: bus === 'default' ? name : `${bus}|${name}`,
        physicalName: name,
        arn: ruleArn,
        attributes: { Arn: ruleArn },
      };
    },
  },
  'AWS::Events::Archive': {
    nameProperty: 'ArchiveName',
    identity: named('name', (n, name) => arn(n, 'events', `archive/${name}`), undefined, 48),
  },
  'AWS::Events::Connection': {
    nameProperty: 'Name',
    // EventBridge keeps a connection's authorization in a secret of its own, named after the connection.
    identity: named(
      'name',
      (n, name) => arn(n, 'events', `connection/${name}/${stableUuid(name)}`),
      (n, name) => ({
        SecretArn: arn(
          n,
          'secretsmanager',
          `secret:events!connection/${name}/${stableUuid(name)}-${stableId(name, 6)}`,
        ),
      }),
    ),
  },
  'AWS::Events::ApiDestination': {
    nameProperty: 'Name',
    identity: named('name', (n, name) => arn(n, 'events', `api-destination/${name}/${stableUuid(name)}`)),
  },
  'AWS::Pipes::Pipe': { nameProperty: 'Name', identity: named('name', (n, name) => arn(n, 'pipes', `pipe/${name}`)) },
  'AWS::StepFunctions::StateMachine': {
    nameProperty: 'StateMachineName',
    identity: named(
      'arn',
      (n, name) => arn(n, 'states', `stateMachine:${name}`),
      (_n, name, a) => ({ Name: name, StateMachineRevisionId: a }),
      80,
    ),
  },
  'AWS::StepFunctions::StateMachineVersion': {
    identity: (n) => {
      const versionArn = `${String(n.prop('StateMachineArn'))}:${n.ordinal('StateMachineArn')}`;
      return { ref: versionArn, physicalName: versionArn, arn: versionArn, attributes: { Arn: versionArn } };
    },
  },
  'AWS::StepFunctions::StateMachineAlias': {
    nameProperty: 'Name',
    identity: (n) => {
      const name = n.name({ maxLength: 80 });
      const routing = n.prop('RoutingConfiguration') ?? n.prop('DeploymentPreference');
      const target = JSON.stringify(routing ?? '').match(/arn:aws:states:[^:]+:[^:]+:stateMachine:[^:"]+/)?.[0] ?? '';
      const aliasArn = `${target}:${name}`;
      return { ref: aliasArn, physicalName: name, arn: aliasArn, attributes: { Arn: aliasArn } };
    },
  },
  'AWS::ApiGatewayV2::Api': {
    identity: (n) => {
      const id = stableId(`${n.stackName}/${n.logicalId}`, 10, 'lower');
      return {
        ref: id,
        physicalName: id,
        attributes: { ApiId: id, ApiEndpoint: `${n.endpointUrl}/_aws/execute-api/${id}` },
      };
    },
  },
  'AWS::ApiGatewayV2::Stage': {
    identity: (n) => ({ ref: String(n.prop('StageName')), physicalName: String(n.prop('StageName')), attributes: {} }),
  },
  'AWS::ApiGateway::RestApi': {
    identity: (n) => {
      const id = stableId(`${n.stackName}/${n.logicalId}`, 10, 'lower');
      return {
        ref: id,
        physicalName: id,
        attributes: { RestApiId: id, RootResourceId: stableId(`${id}/`, 10, 'lower') },
      };
    },
  },
  'AWS::ApiGateway::Stage': {
    identity: (n) => ({ ref: String(n.prop('StageName')), physicalName: String(n.prop('StageName')), attributes: {} }),
  },
  ...APP_CONFIG_AND_COGNITO_RULES,
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    identity: (n) => {
      const name = n.name({ maxLength: 63, lowercase: true });
      const bucketArn = `arn:aws:s3:::${name}`;
      const domain = `${name}.s3.${n.region}.amazonaws.com`;
      return {
        ref: name,
        physicalName: name,
        arn: bucketArn,
        attributes: {
          Arn: bucketArn,
          DomainName: `${name}.s3.amazonaws.com`,
          RegionalDomainName: domain,
          WebsiteURL: `http://${name}.s3-website-${n.region}.amazonaws.com`,
        },
      };
    },
  },
  'AWS::SSM::Parameter': {
    nameProperty: 'Name',
    identity: (n) => {
      const name = n.name({ maxLength: 128 });
      return {
        ref: name,
        physicalName: name,
        arn: arn(n, 'ssm', `parameter/${name.replace(/^\//, '')}`),
        attributes: { Type: String(n.prop('Type') ?? 'String'), Value: String(n.prop('Value') ?? '') },
      };
    },
  },
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    identity: named('name', (n, name) => arn(n, 'logs', `log-group:${name}:*`), undefined, 512),
  },
  'AWS::CloudWatch::Alarm': {
    nameProperty: 'AlarmName',
    identity: named('name', (n, name) => arn(n, 'cloudwatch', `alarm:${name}`), undefined, 255),
  },
  'AWS::KMS::Key': {
    identity: (n) => {
      const id = stableUuid(`${n.stackName}/${n.logicalId}`);
      const keyArn = arn(n, 'kms', `key/${id}`);
      return { ref: id, physicalName: id, arn: keyArn, attributes: { Arn: keyArn, KeyId: id } };
    },
  },
  'AWS::SecretsManager::Secret': {
    nameProperty: 'Name',
    identity: named(
      'arn',
      (n, name) => arn(n, 'secretsmanager', `secret:${name}-${stableId(name, 6)}`),
      undefined,
      256,
    ),
  },
};

/**
 * `Ref`/`Fn::GetAtt` values of one resource. A type without a rule gets a CloudFormation-style generated
 * name as `Ref` and a generic ARN; other attributes of such a type are reported as unresolvable.
 */
export function identityOf(type: string, n: NamingInput): Identity {
  const rule = RULES[type];
  if (rule) return rule.identity(n);
  const name = n.name({ maxLength: 64 });
  const [, service = 'unknown', kind = 'resource'] = type.split('::');
  const genericArn = arn(n, service.toLowerCase(), `${kind.toLowerCase()}/${name}`);
  return { ref: name, physicalName: name, arn: genericArn, attributes: { Arn: genericArn } };
}

/** The property that names a resource of this type explicitly, if the type has one. */
export function namePropertyOf(type: string): string | undefined {
  return RULES[type]?.nameProperty;
}

import { clientSecretFor } from '../cognito/model/client-config';
import { stableId } from './names';
import { arn, generatedId, idOnly, type NamingInput, type TypeRule } from './naming-rule';

/** AppConfig ids are 7 lower-case letters and digits (the `[a-z0-9]{4,7}` its properties accept). */
const APPCONFIG_ID_LENGTH = 7;

const appConfigId = (attribute: string): TypeRule['identity'] => idOnly(APPCONFIG_ID_LENGTH, attribute);

/**
 * The number CloudFormation gets back when it creates this resource: hosted versions count up per
 * configuration profile, deployments per environment, in template order.
 */
const sequenceNumber = (n: NamingInput, parentProperty: string): string => String(n.ordinal(parentProperty));

/**
 * `Ref` and `Fn::GetAtt` of the Cognito and AppConfig types, as their CloudFormation reference pages give them:
 * a user pool's id is `<region>_<9 characters>`, a client's 26 characters, a group's `Ref` its name; AppConfig
 * returns 7-character ids, a hosted version's number and a deployment's `app|environment|number`.
 */
export const APP_CONFIG_AND_COGNITO_RULES: Readonly<Record<string, TypeRule>> = {
  'AWS::Cognito::UserPool': {
    identity: (n) => {
      const id = `${n.region}_${stableId(`${n.stackName}/${n.logicalId}`, 9)}`;
      const poolArn = arn(n, 'cognito-idp', `userpool/${id}`);
      const providerName = `cognito-idp.${n.region}.amazonaws.com/${id}`;
      return {
        ref: id,
        physicalName: id,
        arn: poolArn,
        attributes: {
          Arn: poolArn,
          UserPoolId: id,
          ProviderName: providerName,
          ProviderURL: `https://${providerName}`,
        },
      };
    },
  },
  'AWS::Cognito::UserPoolClient': {
    nameProperty: 'ClientName',
    identity: (n) => {
      const id = generatedId(n, 26);
      // The local Cognito derives a generated secret from the client id: GetAtt hands out the one it checks.
      const secret: Record<string, string> =
        n.prop('GenerateSecret') === true || n.prop('GenerateSecret') === 'true'
          ? { ClientSecret: clientSecretFor(id) }
          : {};
      return { ref: id, physicalName: id, attributes: { ClientId: id, Name: n.name({ maxLength: 128 }), ...secret } };
    },
  },
  'AWS::Cognito::UserPoolGroup': {
    nameProperty: 'GroupName',
    identity: (n) => {
      const name = n.name({ maxLength: 128 });
      return { ref: name, physicalName: name, attributes: {} };
    },
  },
  'AWS::AppConfig::Application': { identity: appConfigId('ApplicationId') },
  'AWS::AppConfig::Environment': { identity: appConfigId('EnvironmentId') },
  'AWS::AppConfig::ConfigurationProfile': { identity: appConfigId('ConfigurationProfileId') },
  'AWS::AppConfig::DeploymentStrategy': { identity: appConfigId('Id') },
  'AWS::AppConfig::HostedConfigurationVersion': {
    identity: (n) => {
      const version = sequenceNumber(n, 'ConfigurationProfileId');
      return { ref: version, physicalName: version, attributes: { VersionNumber: version } };
    },
  },
  'AWS::AppConfig::Deployment': {
    identity: (n) => {
      const number = sequenceNumber(n, 'EnvironmentId');
      const ref = `${String(n.prop('ApplicationId'))}|${String(n.prop('EnvironmentId'))}|${number}`;
      return { ref, physicalName: ref, attributes: { DeploymentNumber: number } };
    },
  },
};

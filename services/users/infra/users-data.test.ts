import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { usersStage } from './testing/users-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

describe('UsersData', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('keeps the profiles table, protected from deletion and backed up, when retained', () => {
    const template = Template.fromStack(usersStage({ retain: true }).stateful);

    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('lets a dev table go with its stack', () => {
    const template = Template.fromStack(usersStage({ retain: false }).stateful);

    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

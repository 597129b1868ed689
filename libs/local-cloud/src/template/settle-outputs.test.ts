import { describe, expect, it } from 'vitest';
import { lateValueToken } from './late-values';
import type { ResolvedCloud } from './resolve-assembly';
import { settleOutputs } from './settle-outputs';

const stack = {
  stackName: 'Orders',
  displayName: 'Orders',
  region: 'us-east-1',
  resources: [],
  skipped: [],
  warnings: [],
  outputs: {
    SeedId: lateValueToken('Orders', 'Seed'),
    Color: lateValueToken('Orders', 'Seed', 'Color'),
    Plain: 'as is',
  },
  exports: { 'Orders-SeedId': lateValueToken('Orders', 'Seed') },
};
const resolved: ResolvedCloud = { stacks: [stack], resources: [] };

describe('settleOutputs', () => {
  it('puts what custom resources answered in the outputs and exports that read it', () => {
    const { cloud } = settleOutputs(resolved, new Map([[lateValueToken('Orders', 'Seed'), 'seed-1']]));

    expect(cloud.stacks[0]?.outputs).toMatchObject({ SeedId: 'seed-1', Plain: 'as is' });
    expect(cloud.stacks[0]?.exports).toEqual({ 'Orders-SeedId': 'seed-1' });
  });

  it('marks an output nothing answered as unresolved, with a warning', () => {
    const { cloud, warnings } = settleOutputs(resolved, new Map([[lateValueToken('Orders', 'Seed'), 'seed-1']]));

    expect(cloud.stacks[0]?.outputs.Color).toBe('unresolved:Seed.Color');
    expect(warnings).toEqual(['Orders: output Color reads Seed.Color, which no custom resource answered']);
  });
});

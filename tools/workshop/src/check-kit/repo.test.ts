import { describe, expect, it } from 'vitest';
import { exported, importExercise } from './repo';

describe('importExercise', () => {
  it("fails with the check's hint while the participant's file does not exist", async () => {
    await expect(importExercise('services/no-such-service/infra/index.ts', 'Create the service (step 1)')).rejects.toThrow(
      'Create the service (step 1)',
    );
  });

  it('imports a file of the repository by its path from the root', async () => {
    const module = await importExercise<Record<string, unknown>>('tools/workshop/src/modules.ts', 'unused');

    expect(module.workshopModules).toBeDefined();
  });
});

describe('exported', () => {
  it('fails with the hint when the module does not export the name', () => {
    expect(() => exported({}, 'LoyaltyService', 'Export LoyaltyService (step 5)')).toThrow('Export LoyaltyService (step 5)');
  });
});

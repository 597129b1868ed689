import { describe, expect, it } from 'vitest';
import { loadPipelineConfig } from './pipeline-config';
import { synthCommand } from './pipeline-steps';
import { PIPELINE_CONTEXT } from './testing-context';

function configWith(context: Record<string, string>) {
  return loadPipelineConfig({ context: (key) => context[key], env: {} });
}

describe('synthCommand', () => {
  it('synthesizes the pipeline with the context it was configured with', () => {
    const command = synthCommand(configWith(PIPELINE_CONTEXT));

    expect(command).toMatch(/^cd infra && npx cdk synth --quiet -c pipeline=true /);
    expect(command).toContain(' -c repository=my-org/shop');
    expect(command).toContain(` -c connectionArn=${PIPELINE_CONTEXT.connectionArn}`);
    expect(command).toContain(' -c prodAccount=333333333333');
    expect(command).toContain(' -c prodRegion=eu-west-1');
  });

  it('quotes a value the shell would otherwise split', () => {
    const command = synthCommand(configWith({ ...PIPELINE_CONTEXT, branch: "feature/it's new" }));

    expect(command).toContain(` -c branch='feature/it'\\''s new'`);
  });
});

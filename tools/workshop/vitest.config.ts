import { defineConfig } from 'vitest/config';

// The machinery's own tests. The modules' checks are not here: only `workshop check` runs them
// (vitest.checks.config.ts), since they fail until a participant has done the exercise.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});

// The root config, plus one exception. A module's checks (and the kit they share) are tests of a participant's
// whole change, written wherever the exercise puts it: they synthesize CDK constructs in a test stack, and read
// code of other projects by path (the participant's new files, the local cloud's pattern matcher), as an
// end-to-end test would. Nothing else in this project may.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace's own config file, not a project's code
import root from '../../eslint.config.mjs';

export default [
  ...root,
  {
    files: ['modules/*/checks/**/*.ts', 'src/check-kit/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
];

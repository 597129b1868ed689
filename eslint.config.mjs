// One ESLint flat config for the whole workspace. The architecture's arrows are enforced here:
// - @nx/enforce-module-boundaries works on projects (tags in each package.json "nx.tags"):
//   services never import one another; libraries never import services; the storefront never imports CDK.
// - no-restricted-imports works on folders, which nx tags cannot see:
//   services/*/src/domain is pure TypeScript, and only the infrastructure folders import aws-cdk-lib.
// tools/workspace-checks/src/module-boundaries.test.ts proves both.
import nx from '@nx/eslint-plugin';

/** Packages that only infrastructure code (CDK apps and constructs) may import. */
const cdkPackages = ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'cdk-nag'];
/** Folders allowed to import them. See docs/adr/0004-module-boundaries.md. */
const cdkFolders = [
  'infra/**',
  'services/*/infra/**',
  'libs/cdk-constructs/**',
  'libs/local-cloud/test-stacks/**',
];
/** What a domain folder must not reach: the SDK, the runtime glue and the infrastructure. */
const runtimePackages = ['@aws-sdk/*', '@aws-lambda-powertools/*', '@middy/*', '@smithy/*', 'aws-lambda'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/cdk.out', '**/.next', '**/.open-next', '**/coverage', '**/.nx', '**/next-env.d.ts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:cdk', onlyDependOnLibsWithTags: ['type:lib', 'type:cdk', 'type:service'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: cdkFolders,
    rules: restrict(cdkPackages, 'Only infra/ and services/*/infra/ import aws-cdk-lib (see docs/adr/0004).'),
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: restrict(
      [...cdkPackages, ...runtimePackages],
      'src/domain is pure TypeScript: no AWS SDK, middy, Powertools or CDK. Put I/O in src/adapters behind a port.',
    ),
  },
];

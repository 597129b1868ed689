import type { OpenNextConfig } from '@opennextjs/aws/types/open-next.js';

/**
 * How `npm run build:aws` packages the storefront for AWS (OpenNext, ADR 0026): the server in one Lambda function
 * (the `default` function; cdk-nextjs-standalone deploys it on arm64 behind CloudFront), images through OpenNext's
 * image optimization function, ISR revalidation through its queue. Defaults throughout: the Lambda wrapper and
 * converter, the S3 incremental cache and the DynamoDB tag cache the construct provisions.
 */
const config = {
  default: {},
  // The image optimizer's sharp, for Lambda arm64. OpenNext's default (sharp 0.32) downloads libvips from GitHub
  // at install; sharp 0.33+ ships its binaries as npm packages, so the build needs only the npm registry. The
  // version Next.js itself depends on; `--cpu` is npm's flag for which platform's optional packages to install.
  imageOptimization: {
    install: { packages: ['sharp@^0.35.5'], arch: 'arm64', libc: 'glibc', additionalArgs: '--cpu=arm64' },
  },
  // `next build` through the workspace's own script, so the AWS build is the build that `npm run build` checks.
  buildCommand: 'npm run build',
} satisfies OpenNextConfig;

export default config;

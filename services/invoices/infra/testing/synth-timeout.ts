/**
 * @internal Synthesis bundles functions and loads aws-cdk-lib lazily: on a busy machine a first synth takes
 * far longer than vitest's 5 s default. A limit, not an expectation: no test asserts how long anything takes.
 */
export const SYNTH_TIMEOUT_MS = 180_000;

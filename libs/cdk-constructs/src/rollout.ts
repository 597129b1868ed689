/**
 * How a stage releases new code: `canary` sends 10% of traffic to the new version for five minutes, watched by
 * alarms, then the rest; `all-at-once` shifts everything immediately (still rolled back if an alarm fires).
 */
export const ROLLOUTS = ['canary', 'all-at-once'] as const;
export type Rollout = (typeof ROLLOUTS)[number];

/** The canary's share and duration, for functions (CodeDeploy's predefined config) and state machines alike. */
export const CANARY = { percentage: 10, minutes: 5 } as const;

// Budgets, not expectations: every wait returns as soon as the shop has answered, and no test asserts a duration.

/**
 * The longest a test waits for one answer on the bus. It covers a delivery whose first attempt failed (a consumer
 * timing out on a busy machine), which SQS hands back after the inbox's 60 s visibility timeout.
 */
export const ANSWER_BUDGET_MS = 150_000;

/** The longest a poison message may take to reach the DLQ: 5 receives, 60 s of visibility timeout apart. */
export const DEAD_LETTER_BUDGET_MS = 420_000;

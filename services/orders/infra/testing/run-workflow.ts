import { StateMachine } from 'aws-local-stepfunctions';
import type { Asl, AslState } from './asl';

// @internal Runs a synthesized definition with aws-local-stepfunctions, an ASL interpreter: states, paths,
// intrinsic functions, Retry and Catch as Step Functions runs them, with every Task answered by a local handler
// instead of the service it calls. Retries wait nothing.

/** @internal A task's answer: its result, or an error `{ error, cause }` as Step Functions names them. */
export type TaskAnswer = { readonly result: unknown } | { readonly error: string; readonly cause: string };

/** @internal What a task answers, call after call (the last answer repeats). */
export type TaskScript = Record<string, TaskAnswer[]>;

/** @internal One task call: the state and the effective input the service would have received. */
export interface TaskCall {
  readonly state: string;
  readonly input: Record<string, unknown>;
}

/** @internal How an execution ended, and every call its tasks made, in order. */
export type Run = { readonly calls: TaskCall[] } & (
  | { readonly status: 'SUCCEEDED'; readonly output: unknown }
  | { readonly status: 'FAILED'; readonly error: string; readonly cause: string }
);

class TaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** @internal Answers a task with this result. */
export const succeed = (result: unknown = {}): TaskAnswer => ({ result });
/** @internal Fails a task with this error and cause. */
export const fail = (error: string, cause = error): TaskAnswer => ({ error, cause });

/** @internal Runs `asl` on `input`; every Task state must have a script, or the run fails loudly. */
export async function runWorkflow(asl: Asl, input: unknown, script: TaskScript, context: object): Promise<Run> {
  const calls: TaskCall[] = [];
  const tasks = Object.entries(asl.States).filter(([, state]) => state.Type === 'Task');
  const handlers = Object.fromEntries(
    tasks.map(([name]) => [
      name,
      (taskInput: unknown) => {
        const answers = script[name];
        if (answers === undefined) throw new Error(`No answer scripted for the task ${name}`);
        const answer = answers[Math.min(calls.filter((c) => c.state === name).length, answers.length - 1)];
        calls.push({ state: name, input: taskInput as Record<string, unknown> });
        if (answer !== undefined && 'error' in answer) throw new TaskError(answer.error, answer.cause);
        return (answer?.result ?? {}) as never;
      },
    ]),
  );
  const machine = new StateMachine(interpretable(asl) as never, { validationOptions: { checkArn: false } });
  const execution = machine.run(input as never, {
    context: context as never,
    overrides: {
      taskResourceLocalHandlers: handlers,
      retryIntervalOverrides: Object.fromEntries(tasks.map(([name]) => [name, 0])),
    },
  });
  try {
    return { status: 'SUCCEEDED', output: await execution.result, calls };
  } catch (error) {
    const cause = (error as { cause?: { name: string; message: string } }).cause;
    if (cause === undefined) throw error;
    return { status: 'FAILED', error: cause.name, cause: cause.message, calls };
  }
}

/**
 * The definition as the interpreter can run it. It checks Resource ARNs (CloudFormation references are
 * placeholders here, and every task is handled locally), and resolves a Fail state's ErrorPath and CausePath as
 * paths only, where Step Functions also takes intrinsic functions: such a Fail state becomes a Pass state that
 * evaluates them, followed by the Fail state reading the result.
 */
function interpretable(asl: Asl): Asl {
  const states: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(asl.States)) {
    const { ErrorPath, CausePath, ...rest } = state as AslState & { ErrorPath?: string; CausePath?: string };
    if (state.Resource?.includes('${')) {
      states[name] = { ...state, Resource: 'arn:aws:lambda:eu-west-2:123456789012:function:f' };
    } else if ([ErrorPath, CausePath].some((path) => path?.startsWith('States.'))) {
      const paths = { ...(ErrorPath && { 'error.$': ErrorPath }), ...(CausePath && { 'cause.$': CausePath }) };
      states[name] = { Type: 'Pass', Parameters: paths, Next: `${name}Fail` };
      states[`${name}Fail`] = {
        ...rest,
        ...(ErrorPath && { ErrorPath: '$.error' }),
        ...(CausePath && { CausePath: '$.cause' }),
      };
    } else {
      states[name] = state;
    }
  }
  return { ...asl, States: states };
}

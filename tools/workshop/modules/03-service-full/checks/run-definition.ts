import type { Template } from 'aws-cdk-lib/assertions';
import { StateMachine } from 'aws-local-stepfunctions';

/** One state of a synthesized definition, as far as the checks read it. */
export type AslState = { readonly Type: string; readonly Resource?: string; readonly [key: string]: unknown };
export type Asl = { readonly StartAt: string; readonly States: Record<string, AslState> };

/** The Resource of a Task whose ARN is only known at deploy time: `runDefinition` answers it locally. */
const LOCALLY_ANSWERED_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:answered-by-the-check';

/** One task call of a run: the state and the input the service would have received. */
export type TaskCall = { readonly state: string; readonly input: Record<string, unknown> };

/** A CloudFormation reference inside the definition, written `${Logical}` or `${Logical.Attr}` (it names a resource; nothing calls it). */
function referenceText(part: Record<string, unknown>): string {
  if ('Ref' in part) return `\${${String(part.Ref)}}`;
  const getAtt = part['Fn::GetAtt'] as [string, string] | undefined;
  return getAtt ? `\${${getAtt[0]}.${getAtt[1]}}` : '${unknown}';
}

/** The definition of the template's only state machine, parsed, its CloudFormation references written `${...}`. */
export function definitionIn(template: Template): Asl | undefined {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const definition = machine?.Properties?.DefinitionString as string | { 'Fn::Join': [string, unknown[]] } | undefined;
  if (definition === undefined) return undefined;
  if (typeof definition === 'string') return JSON.parse(definition) as Asl;
  const [separator, parts] = definition['Fn::Join'];
  const text = parts.map((part) => (typeof part === 'string' ? part : referenceText(part as Record<string, unknown>))).join(separator);
  return JSON.parse(text) as Asl;
}

/**
 * Runs a definition with aws-local-stepfunctions, the ASL interpreter the local cloud uses: Pass states,
 * paths and intrinsic functions as Step Functions evaluates them. Every Task is answered by `answer` instead
 * of the service it calls, and recorded.
 *
 * @example
 * const { output, calls } = await runDefinition(asl, input, () => ({}));
 */
export async function runDefinition(asl: Asl, input: unknown, answer: (call: TaskCall) => unknown) {
  const calls: TaskCall[] = [];
  const states = Object.fromEntries(
    Object.entries(asl.States).map(([name, state]) => [
      name,
      // The interpreter wants an ARN where the template has a reference; every Task is answered by `answer`,
      // so the ARN only has to be well formed.
      state.Resource?.includes('${') ? { ...state, Resource: LOCALLY_ANSWERED_ARN } : state,
    ]),
  );
  const handlers = Object.fromEntries(
    Object.entries(asl.States)
      .filter(([, state]) => state.Type === 'Task')
      .map(([name]) => [
        name,
        (taskInput: unknown) => {
          const call = { state: name, input: taskInput as Record<string, unknown> };
          calls.push(call);
          return answer(call) as never;
        },
      ]),
  );
  const machine = new StateMachine({ ...asl, States: states } as never, { validationOptions: { checkArn: false } });
  const execution = machine.run(input as never, { overrides: { taskResourceLocalHandlers: handlers } });
  return { output: (await execution.result) as unknown, calls };
}

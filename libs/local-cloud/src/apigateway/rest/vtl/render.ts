import velocity from 'velocityjs';

/** The variables of a mapping template: `$input`, `$context`, `$util`, `$stageVariables`. */
export type TemplateVariables = Readonly<Record<string, unknown>>;

/** Java's String and Map methods that templates call and JavaScript lacks under those names. */
const JAVA_METHODS = [
  method(
    'length',
    (s) => typeof s === 'string',
    (s) => (s as string).length,
  ),
  method(
    'equals',
    () => true,
    (a, [b]) => a === b,
  ),
  method(
    'equalsIgnoreCase',
    (s) => typeof s === 'string',
    (a, [b]) => (a as string).toLowerCase() === String(b).toLowerCase(),
  ),
  method(
    'isEmpty',
    (s) => typeof s === 'string' || typeof s === 'object',
    (s) => sizeOf(s) === 0,
  ),
  method(
    'contains',
    (s) => typeof s === 'string' || Array.isArray(s),
    (s, [x]) => (s as string | unknown[]).includes(x as string),
  ),
  method(
    'matches',
    (s) => typeof s === 'string',
    (s, [re]) => new RegExp(`^(?:${String(re)})$`).test(s as string),
  ),
  method(
    'replaceAll',
    (s) => typeof s === 'string',
    (s, [re, by]) => (s as string).replace(new RegExp(String(re), 'g'), String(by)),
  ),
  method('containsKey', isMap, (m, [k]) => Object.hasOwn(m as object, String(k))),
  method('values', isMap, (m) => Object.values(m as object)),
];

/**
 * Renders a mapping template with Velocity as API Gateway does: a reference that is absent or null renders as
 * nothing (not as its own text), maps as `{a=1, b=2}` and lists as `[1, 2]`. `#set` on `$context` changes the
 * variables passed in (`$context.responseOverride.status`).
 *
 * @example
 * renderTemplate('{"id": "$context.requestId"}', { context: { requestId: 'r-1' } }); // '{"id": "r-1"}'
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  const compiled = new SilentCompile(velocity.parse(template), { escape: false, customMethodHandlers: JAVA_METHODS });
  return compiled.render(variables as Record<string, unknown>, undefined, true);
}

type Ast = Parameters<InstanceType<typeof velocity.Compile>['getReferences']>[0];

/** A null reference (a JSON null read with `$input.path`) renders as nothing, like an absent one. */
class SilentCompile extends velocity.Compile {
  override getReferences(ast: Ast, isVal?: boolean): string {
    const value = super.getReferences(ast, isVal) as unknown;
    return (isVal && value === null ? '' : value) as string;
  }
}

type Handler = {
  uid: string;
  match: (p: { property: string; context: unknown; params: unknown[] }) => boolean;
  resolve: (p: { context: unknown; params: unknown[] }) => unknown;
};

function method(
  name: string,
  applies: (target: unknown) => boolean,
  call: (target: unknown, params: unknown[]) => unknown,
): Handler {
  return {
    uid: `java: ${name}`,
    match: ({ property, context }) => property === name && applies(context),
    resolve: ({ context, params }) => call(context, params),
  };
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return value === null ? 0 : Object.keys(value as object).length;
}

function isMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a server action answers a form: success, or a refusal with the API's code and per-field messages. */
export type ActionState =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly fields?: Readonly<Record<string, string>> }
  | null;

export const refused = (code: string, message: string, fields?: Record<string, string>): ActionState => ({
  ok: false,
  code,
  message,
  ...(fields && { fields }),
});

/** A `next` parameter safe to redirect to: a path on this site, never another origin. */
export function safeNext(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  const next = typeof value === 'string' ? value : '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

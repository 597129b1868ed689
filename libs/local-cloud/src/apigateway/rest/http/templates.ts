/**
 * The mapping template for a media type: the one named by `mediaType` (the request's `Content-Type`, or a
 * response's `Accept`), else `application/json`'s, else the first; with the media type it stands for.
 * Parameters (`; charset=utf-8`) and case are ignored.
 *
 * @example
 * pickTemplate({ 'application/json': '{}' }, 'application/json; charset=utf-8'); // ['application/json', '{}']
 */
export function pickTemplate(
  templates: Readonly<Record<string, string>>,
  mediaType?: string,
): [string, string] | undefined {
  const entries = Object.entries(templates);
  const wanted = mediaTypeOf(mediaType);
  return (
    entries.find(([type]) => wanted && mediaTypeOf(type) === wanted) ??
    entries.find(([type]) => mediaTypeOf(type) === 'application/json') ??
    entries[0]
  );
}

/**
 * A request's template as API Gateway selects it: by `Content-Type` (`application/json` when absent), exactly.
 * @internal
 */
export function requestTemplateFor(
  templates: Readonly<Record<string, string>>,
  contentType: string | undefined,
): string | undefined {
  const wanted = mediaTypeOf(contentType) ?? 'application/json';
  return Object.entries(templates).find(([type]) => mediaTypeOf(type) === wanted)?.[1];
}

function mediaTypeOf(value: string | undefined): string | undefined {
  const type = value?.split(/[;,]/)[0]?.trim().toLowerCase();
  return type || undefined;
}

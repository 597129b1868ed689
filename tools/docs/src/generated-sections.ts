/** A generated section's markers are missing from the document, or out of order. */
export class MissingMarkerError extends Error {
  override readonly name = 'MissingMarkerError';
  readonly code = 'DOCS.MISSING_MARKER';
}

const begin = (name: string) => `<!-- generated:${name} (npm run docs) -->`;
const end = (name: string) => `<!-- /generated:${name} -->`;

/**
 * Replaces the body of each `<!-- generated:NAME ... -->` … `<!-- /generated:NAME -->` block of `doc` by its
 * new content, leaving everything written by hand as it is.
 *
 * @throws MissingMarkerError when a section has no markers in the document.
 * @example
 * spliceSections(doc, new Map([['events', '| Event | ... |']]));
 */
export function spliceSections(doc: string, sections: ReadonlyMap<string, string>): string {
  let result = doc;
  for (const [name, content] of sections) {
    const from = result.indexOf(begin(name));
    const to = result.indexOf(end(name));
    if (from < 0 || to < from)
      throw new MissingMarkerError(`No "${begin(name)}" … "${end(name)}" block in the document`);
    result = `${result.slice(0, from + begin(name).length)}\n${content.trim()}\n${result.slice(to)}`;
  }
  return result;
}

/** An empty generated block, for a document that is to receive a new section. */
export function emptySection(name: string): string {
  return `${begin(name)}\n${end(name)}`;
}

/** The two number series: invoices and credit notes, each gapless per calendar year (UTC). */
export const SERIES = { invoice: 'INV', creditNote: 'CN' } as const;
export type Series = (typeof SERIES)[keyof typeof SERIES];

/** Six digits per year and series: a millionth document in one year would need a wider format. */
export const MAX_SEQUENCE = 999_999;

/**
 * The printed number of the `sequence`th document of a series in a year: `INV-2026-000123`.
 *
 * @throws RangeError for a sequence outside 1..999 999 (the counter would have to be widened).
 */
export function documentNumber(series: Series, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Sequence ${sequence} is outside 1..${MAX_SEQUENCE}`);
  }
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The numbering year of a document issued at `issuedAt` (ISO 8601, UTC). */
export const numberingYear = (issuedAt: string): number => new Date(issuedAt).getUTCFullYear();

/** The series, year and sequence of a printed number, e.g. for sorting or checking a series has no gap. */
export function parseDocumentNumber(number: string): { series: Series; year: number; sequence: number } | undefined {
  const match = /^(INV|CN)-(\d{4})-(\d{6})$/.exec(number);
  if (match === null) return undefined;
  return { series: match[1] as Series, year: Number(match[2]), sequence: Number(match[3]) };
}

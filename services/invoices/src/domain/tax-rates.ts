/**
 * VAT rates by billing country, in basis points (2000 = 20%), with the name each country gives the rate.
 * Sources (checked 2026-11): GB, HMRC "VAT rates" (gov.uk/vat-rates); IE, Revenue "Current VAT rates";
 * FR, DE and NL, the European Commission's "VAT rates" database (taxation-customs.ec.europa.eu, TEDB).
 * Orders decides each line's rate; this table only names it on the invoice. A rate missing here still
 * invoices correctly: it prints as "VAT x%" and a warning is logged so someone adds it.
 */
export const TAX_RATES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  GB: { 2000: 'Standard rate', 500: 'Reduced rate', 0: 'Zero rate' },
  IE: {
    2300: 'Standard rate',
    1350: 'Reduced rate',
    900: 'Second reduced rate',
    480: 'Livestock rate',
    0: 'Zero rate',
  },
  FR: { 2000: 'Taux normal', 1000: 'Taux intermédiaire', 550: 'Taux réduit', 210: 'Taux particulier' },
  DE: { 1900: 'Regelsteuersatz', 700: 'Ermäßigter Steuersatz', 0: 'Nullsatz' },
  NL: { 2100: 'Standaardtarief', 900: 'Verlaagd tarief', 0: 'Nultarief' },
};

/** "20%", "5.5%", "13.5%": a rate as people write it. */
export function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}

/** How an invoice prints a rate, and whether the table knew it. */
export type RateName = { readonly name: string; readonly known: boolean };

/**
 * The printed name of a rate in a country: "Standard rate 20%" from the table, or "VAT 17%" for a rate (or a
 * country) the table does not list.
 */
export function rateName(country: string, basisPoints: number): RateName {
  const name = TAX_RATES[country]?.[basisPoints];
  if (name === undefined) return { name: `VAT ${percent(basisPoints)}`, known: false };
  return { name: `${name} ${percent(basisPoints)}`, known: true };
}

import { z } from 'zod';
import { pii } from './pii';

/** The `domain` of every event on the bus. */
export const DOMAIN = 'shop';

/** The services that produce and consume events; each one's events have the source `shop.<service>`. */
export const SERVICES = ['products', 'orders', 'invoices', 'users'] as const;
export type Service = (typeof SERVICES)[number];

/** The EventBridge `source` of a service's events. */
export type EventSource<S extends Service = Service> = `${typeof DOMAIN}.${S}`;

/** Where the event was produced: `local`, `staging`, `prod`, or a developer's own stage. */
export const Environment = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'Expected a lower-case stage name such as "prod"')
  .describe('The stage that produced the event, e.g. "prod", "staging", "local".');

const CorrelationId = z
  .string()
  .min(1)
  .describe('Id of the request that started the work; the same in every log line, event and metric it causes.');
const CausationId = z.string().min(1).describe('Id of the message (request or event) that directly caused this event.');
const Domain = z.literal(DOMAIN).describe('Always "shop".');
const SERVICE_DESCRIPTION = 'The producing service: the `<service>` of `source`.';
const VERSION_DESCRIPTION =
  'Version of the data schema, a positive integer. A breaking change is a new version, published beside the old one.';

/**
 * The `metadata` block of one event's `detail` (the talk's snake_case names), with `service` and
 * `event_version` narrowed to that event's producer and version.
 *
 * @example
 * const metadata = makeMetadataSchema('orders', '1');
 */
export function makeMetadataSchema<S extends Service, V extends string>(service: S, version: V) {
  return z
    .object({
      correlation_id: CorrelationId,
      causation_id: CausationId,
      domain: Domain,
      service: z.literal(service).describe(SERVICE_DESCRIPTION),
      environment: Environment,
      event_version: z.literal(version).describe(VERSION_DESCRIPTION),
    })
    .describe('Who produced the event, in which stage, for which request, and with which schema version.');
}

/** The metadata of any event, not narrowed to one definition. */
export const EventMetadata = z
  .object({
    correlation_id: CorrelationId,
    causation_id: CausationId,
    domain: Domain,
    service: z.enum(SERVICES).describe(SERVICE_DESCRIPTION),
    environment: Environment,
    event_version: z
      .string()
      .regex(/^[1-9][0-9]*$/)
      .describe(VERSION_DESCRIPTION),
  })
  .describe('Who produced the event, in which stage, for which request, and with which schema version.');
export type EventMetadata = z.infer<typeof EventMetadata>;

/** ISO 4217 currency code, e.g. "GBP". */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code (three upper-case letters, e.g. "GBP")')
  .describe('ISO 4217 currency code, e.g. "GBP".');

/** An amount of money: integer minor units ("amount in what?" has one answer). */
export const Money = z
  .object({
    amount: z.int().nonnegative().describe('Amount in minor units of the currency (pence for GBP): 1999 is £19.99.'),
    currency: CurrencyCode,
  })
  .meta({ title: 'Money', description: 'Money: an integer amount of minor units and its ISO 4217 currency.' });
export type Money = z.infer<typeof Money>;

/** ISO 3166-1 alpha-2 country code, e.g. "GB". */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. "GB")')
  .describe('ISO 3166-1 alpha-2 country code, e.g. "GB".');

/** A structured, complete postal address. Personal data as a whole. */
export const Address = pii(
  z
    .object({
      name: z.string().min(1).max(200).describe('Recipient, as written on the parcel or the invoice.'),
      line1: z.string().min(1).max(200).describe('First address line: number and street.'),
      line2: z.string().min(1).max(200).optional().describe('Second address line: flat, building, company.'),
      city: z.string().min(1).max(100).describe('City or town.'),
      region: z.string().min(1).max(100).optional().describe('County, state or province, where the country uses one.'),
      postalCode: z.string().min(1).max(20).describe('Postal code, as the country writes it.'),
      country: CountryCode,
    })
    .meta({ title: 'Address', description: 'A structured, complete postal address.' }),
  'address',
);
export type Address = z.infer<typeof Address>;

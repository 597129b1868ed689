import { unlocatedPatternError } from './pattern-error';

/** An inclusive range of addresses of one IP family. @internal */
export interface IpRange {
  readonly family: 4 | 6;
  readonly bottom: bigint;
  readonly top: bigint;
}

interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/**
 * Compiles `{"cidr": "10.0.0.0/24"}` (IPv4 or IPv6) into an address range. Like EventBridge, the range
 * runs from the address as written to that address with every host bit set, and the mask must leave at
 * least one host bit (`/32` and `/128` are refused).
 * @example compileCidr('10.0.0.0/24') // { family: 4, bottom: 10.0.0.0, top: 10.0.0.255 } as bigints
 * @internal
 */
export function compileCidr(cidr: string): IpRange {
  const parts = cidr.split('/');
  if (parts.length !== 2 || parts[1] === '') throw unlocatedPatternError("Malformed CIDR, one '/' required");
  const [address = '', maskText = ''] = parts;
  if (!/^[+-]?\d+$/.test(maskText)) throw unlocatedPatternError('Malformed CIDR, mask bits must be an integer');
  const maskBits = Number(maskText);
  if (maskBits < 0) throw unlocatedPatternError('Malformed CIDR, mask bits must not be negative');
  const ip = parseIp(address);
  if (!ip) throw unlocatedPatternError(`Nonstandard IP address: ${address}`);
  const width = ip.family === 4 ? 32 : 128;
  if (maskBits >= width) throw unlocatedPatternError(`IPv${ip.family} mask bits must be < ${width}`);
  const hostBits = BigInt(width - maskBits);
  return { family: ip.family, bottom: ip.value, top: ip.value | ((1n << hostBits) - 1n) };
}

/** Whether an event value is an IP address inside the range. @internal */
export function ipInRange(value: string, range: IpRange): boolean {
  const ip = parseIp(value);
  return ip !== undefined && ip.family === range.family && ip.value >= range.bottom && ip.value <= range.top;
}

function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Splits colon-separated hex groups; a trailing dotted IPv4 part counts as two groups. */
function groupsOf(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const last = parts.at(-1) ?? '';
  const embedded = last.includes('.') ? parseIpv4(last) : undefined;
  if (last.includes('.') && embedded === undefined) return undefined;
  const hex = embedded === undefined ? parts : parts.slice(0, -1);
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const groups = hex.map((g) => parseInt(g, 16));
  if (embedded !== undefined) groups.push(Number(embedded >> 16n), Number(embedded & 0xffffn));
  return groups;
}

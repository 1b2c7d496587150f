import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address lies inside a network webhooks must not reach, and
 * which range: `undefined` for a public unicast address, else the range's
 * name ("loopback", "private", "linkLocal", … or "not an IP address").
 *
 * Only public unicast passes: IPv4 outside every special range, IPv6 inside
 * 2000::/3 and outside its special ranges. IPv6 forms that carry an IPv4
 * address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the
 * IPv4 address they carry, so `::ffff:127.0.0.1` is loopback; the deprecated
 * or tunnelling forms whose real target cannot be told from here
 * (IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d, Teredo, local-use NAT64)
 * are refused outright. Accepts every spelling ipaddr.js parses (`127.1`,
 * `0x7f000001`, `2130706433`, `0177.0.0.1`, `[::ffff:7f00:1]`).
 */
export function internalRange(address: string): string | undefined {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(literal);
  } catch {
    return 'not an IP address';
  }
  return parsed.kind() === 'ipv4'
    ? ipv4Range(parsed as ipaddr.IPv4)
    : ipv6Range(parsed as ipaddr.IPv6, literal);
}

export function isInternalAddress(address: string): boolean {
  return internalRange(address) !== undefined;
}

function ipv4Range(address: ipaddr.IPv4): string | undefined {
  const range = address.range();
  return range === 'unicast' ? undefined : range;
}

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

function ipv6Range(address: ipaddr.IPv6, literal: string): string | undefined {
  const parts = address.parts;
  const embedded = (high: number, low: number) =>
    ipaddr.fromByteArray([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;
  const carried = (form: string, v4: ipaddr.IPv4) => {
    const range = ipv4Range(v4);
    return range === undefined ? undefined : `${form} ${range}`;
  };
  if (address.isIPv4MappedAddress()) {
    // ipaddr.js reads the IPv4-compatible `::a.b.c.d` as mapped too: the spelling tells them apart.
    if (!/ffff/i.test(literal)) return 'ipv4Compatible';
    return carried('ipv4Mapped', address.toIPv4Address());
  }
  if (address.match(NAT64_WELL_KNOWN)) return carried('nat64', embedded(parts[6], parts[7]));
  const range = address.range();
  if (range === '6to4') return carried('6to4', embedded(parts[1], parts[2]));
  if (range !== 'unicast') return range;
  // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291) and anything else below 2000::/3.
  if (!address.match(GLOBAL_UNICAST))
    return parts.slice(0, 6).every((part) => part === 0) ? 'ipv4Compatible' : 'unassigned';
  return undefined;
}

import ipaddr from 'ipaddr.js';

/** Express's `trust proxy` setting: none/all, a hop count, or the addresses trusted. */
export type TrustProxy = boolean | number | string[];

/** Express's names for address ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: whose X-Forwarded-For counts, in any form Express accepts:
 * `false` (none), `true` (every hop, only behind a proxy that overwrites the
 * header), a hop count, or a comma-separated list of addresses, CIDRs and
 * the names loopback, linklocal, uniquelocal. Unset: loopback (a proxy on
 * the same host). Returns a problem message for anything else.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { problem: string } {
  const value = raw?.trim() ?? '';
  if (value === '') return ['loopback'];
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 32 ? hops : { problem: `TRUST_PROXY hop count must be at most 32 (got "${raw}")` };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !NAMED_RANGES.includes(entry) && !isAddressOrCidr(entry));
  if (bad.length > 0) {
    return {
      problem:
        `TRUST_PROXY must be false, true, a hop count, or addresses, CIDRs and ${NAMED_RANGES.join('/')} ` +
        `separated by commas (not "${bad.join('", "')}")`,
    };
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  if (entry.includes('/')) {
    try {
      ipaddr.parseCIDR(entry);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(entry) && (ipaddr.IPv4.isValidFourPartDecimal(entry) || entry.includes(':'));
}

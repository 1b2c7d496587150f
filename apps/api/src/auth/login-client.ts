import ipaddr from 'ipaddr.js';

/**
 * The key a sign-in's client is counted under: its IPv4 address, or the /64
 * network of an IPv6 address (one subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would let one attacker rotate through
 * billions). `ip` is Express's `request.ip`, which honours TRUST_PROXY.
 */
export function loginClientKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(':')}::/64`;
}

import { internalRange, isInternalAddress } from './internal-address';

/** Where a URL's host is written as an IP address, the WHATWG parser's hostname is what gets judged. */
const hostOf = (url: string) => new URL(url).hostname;

describe('internalRange', () => {
  it.each([
    // IPv4 loopback in every spelling, as written and as a URL's hostname.
    ['127.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    [hostOf('http://127.1/'), 'loopback'],
    [hostOf('http://0x7f000001/'), 'loopback'],
    [hostOf('http://2130706433/'), 'loopback'],
    [hostOf('http://0177.0.0.1/'), 'loopback'],
    [hostOf('http://0x7f.1/'), 'loopback'],
    [hostOf('http://%31%32%37.0.0.1/'), 'loopback'],
    // Private, link-local (cloud metadata), CGNAT, "this network", broadcast, multicast.
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    [hostOf('http://0/'), 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    // Reserved, documentation and benchmarking ranges.
    ['192.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['240.0.0.1', 'reserved'],
    // IPv6 loopback, unspecified, unique local, link-local, multicast, site-local, documentation.
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['2001:db8::1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard'],
    // IPv6 carrying an internal IPv4 address.
    ['::ffff:127.0.0.1', 'ipv4Mapped loopback'],
    ['::ffff:7f00:1', 'ipv4Mapped loopback'],
    ['[::ffff:127.0.0.1]', 'ipv4Mapped loopback'],
    [hostOf('http://[::ffff:127.0.0.1]/'), 'ipv4Mapped loopback'],
    [hostOf('http://[0:0:0:0:0:ffff:127.0.0.1]/'), 'ipv4Mapped loopback'],
    ['::ffff:169.254.169.254', 'ipv4Mapped linkLocal'],
    ['::ffff:10.0.0.5', 'ipv4Mapped private'],
    ['64:ff9b::10.0.0.5', 'nat64 private'],
    ['64:ff9b::7f00:1', 'nat64 loopback'],
    ['2002:7f00:1::1', '6to4 loopback'],
    ['2002:a9fe:a9fe::', '6to4 linkLocal'],
    ['2002:c0a8:101::1', '6to4 private'],
    // Tunnels and deprecated forms whose real target cannot be told: refused outright.
    ['::127.0.0.1', 'ipv4Compatible'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::8.8.8.8', 'ipv4Compatible'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['64:ff9b:1::a00:5', 'rfc6052'],
    ['2001::1', 'teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['4000::1', 'unassigned'],
    // Not an address at all.
    ['localhost', 'not an IP address'],
    ['example.com', 'not an IP address'],
    ['', 'not an IP address'],
  ])('%s is internal (%s)', (address, range) => {
    expect(internalRange(address)).toBe(range);
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.1', // just above it
    '100.63.255.255', // just below 100.64/10
    '100.128.0.1', // just above it
    '169.253.255.255',
    '11.0.0.1',
    '223.255.255.254',
    '2606:2800:220:1:248:1893:25c8:1946',
    '2001:4860:4860::8888',
    '[2001:4860:4860::8888]',
    '::ffff:93.184.216.34', // IPv4-mapped public
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ])('%s is public', (address) => {
    expect(internalRange(address)).toBeUndefined();
    expect(isInternalAddress(address)).toBe(false);
  });
});

// IP addresses and networks as enrichment reads them: strictly (no `127.1`, no `0x7f.0.0.1`, which
// inet_aton and ipaddr.js's lenient parser accept), IPv4-mapped IPv6 seen as the IPv4 address it carries,
// and a fixed list of the ranges whose addresses never leave for a third party — checked as well on the
// IPv4 address that NAT64, 6to4, Teredo, ISATAP and the other IPv6 wrappings carry.

import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface Network {
  readonly address: Address;
  readonly prefix: number;
}

/** The address `text` spells, or undefined. */
export function parseAddress(text: string): Address | undefined {
  // Zone ids (fe80::1%eth0) name an interface of the host that saw them: no feed lists one.
  if (text.length > 64 || text.includes('%') || isIP(text) === 0) return undefined;
  return ipaddr.process(text);
}

/** The network `text` spells (`198.51.100.0/24`, `2001:db8::/32`), or undefined. */
export function parseNetwork(text: string): Network | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const bits = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bits)) return undefined;
  if (text.length > 70 || text.includes('%') || isIP(text.slice(0, slash)) === 0) return undefined;
  const address = ipaddr.parse(text.slice(0, slash));
  const prefix = Number(bits);
  if (prefix > (address.kind() === 'ipv4' ? 32 : 128)) return undefined;
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && prefix >= 96) {
    return { address: address.toIPv4Address(), prefix: prefix - 96 };
  }
  return { address, prefix };
}

/**
 * A key for the network of `address` at `prefix` bits: equal for every address inside it. Host bits
 * are cleared, so `198.51.100.7/24` and `198.51.100.0/24` are the same network.
 */
export function networkKey(address: Address, prefix: number): string {
  const bytes = address.toByteArray();
  let key = address.kind() === 'ipv4' ? '4/' : '6/';
  key += `${prefix}/`;
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    key += ((bytes[i] as number) & mask).toString(16).padStart(2, '0');
  }
  return key;
}

// Addresses that say something about the inside of the network and nothing about an attacker:
// private (RFC 1918), shared (CGNAT, RFC 6598), loopback, link-local, unique-local (RFC 4193),
// unspecified, multicast, broadcast and reserved. Documentation ranges (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24, 2001:db8::/32) are not here: they reveal nothing, and the samples and drills use them.
const NEVER_SENT = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '64:ff9b:1::/48',
  '100::/64',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
].map((cidr) => ipaddr.parseCIDR(cidr));

// The standard ways an IPv6 address carries an IPv4 one, and the byte where that address starts:
// `64:ff9b::a01:203` is 10.1.2.3 through NAT64 and says as much about the inside of a network.
const WRAPPED_IPV4: readonly {
  readonly network: [Address, number];
  readonly at: number;
  readonly inverted?: true;
}[] = [
  { network: ipaddr.parseCIDR('::/96'), at: 12 }, // IPv4-compatible (RFC 4291, deprecated)
  { network: ipaddr.parseCIDR('::ffff:0:0/96'), at: 12 }, // IPv4-mapped (RFC 4291)
  { network: ipaddr.parseCIDR('::ffff:0:0:0/96'), at: 12 }, // IPv4-translated (RFC 2765)
  { network: ipaddr.parseCIDR('64:ff9b::/96'), at: 12 }, // NAT64 well-known prefix (RFC 6052)
  { network: ipaddr.parseCIDR('2002::/16'), at: 2 }, // 6to4 (RFC 3056)
  { network: ipaddr.parseCIDR('2001::/32'), at: 4 }, // Teredo server (RFC 4380)
  { network: ipaddr.parseCIDR('2001::/32'), at: 12, inverted: true }, // Teredo client, bits inverted
];

/** The IPv4 addresses `address` carries inside it, by the forms above and ISATAP's interface id. */
function wrappedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = address.toByteArray();
  const ipv4At = (at: number, inverted = false) =>
    new ipaddr.IPv4(bytes.slice(at, at + 4).map((byte) => (inverted ? byte ^ 0xff : byte)));
  const found = WRAPPED_IPV4.filter(({ network: [network, bits] }) => address.match(network, bits)).map(
    ({ at, inverted }) => ipv4At(at, inverted),
  );
  // ISATAP (RFC 5214): any prefix, then an interface id of 0000:5efe or 0200:5efe and the IPv4 address.
  if (((bytes[8] ?? 1) & 0xfd) === 0 && bytes[9] === 0 && bytes[10] === 0x5e && bytes[11] === 0xfe) {
    found.push(ipv4At(12));
  }
  return found;
}

/**
 * True when the address belongs to the inside of a network (or to none) and must not be sent out; an
 * IPv6 address also when an IPv4 address it carries does.
 */
export function isInternalAddress(address: Address): boolean {
  const listed = NEVER_SENT.some(
    ([network, bits]) => address.kind() === network.kind() && address.match(network, bits),
  );
  return listed || (address instanceof ipaddr.IPv6 && wrappedIPv4(address).some(isInternalAddress));
}

// IP addresses and networks as enrichment reads them: strictly (no `127.1`, no `0x7f.0.0.1`, which
// inet_aton and ipaddr.js's lenient parser accept), IPv4-mapped IPv6 seen as the IPv4 address it carries,
// and a fixed list of the ranges whose addresses never leave for a third party.

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

/** True when the address belongs to the inside of a network (or to none) and must not be sent out. */
export function isInternalAddress(address: Address): boolean {
  return NEVER_SENT.some(
    ([network, bits]) => address.kind() === network.kind() && address.match(network, bits),
  );
}

// Which addresses may leave the runner for a third party: never one from the inside of a network,
// whether written as IPv4 or wrapped in one of the IPv6 forms that carry an IPv4 address.

import { describe, expect, it } from 'vitest';
import { isInternalAddress, parseAddress } from '../../../src/triage/enrichment/ip.js';

function internal(text: string): boolean {
  const address = parseAddress(text);
  if (address === undefined) throw new Error(`not an address: ${text}`);
  return isInternalAddress(address);
}

describe('internal addresses', () => {
  it('are the private, shared, loopback, link-local, unique-local and reserved ranges', () => {
    for (const text of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.169.254',
    ]) {
      expect(internal(text), text).toBe(true);
    }
    for (const text of ['::', '::1', 'fd00::1', 'fe80::1', 'ff02::1', '64:ff9b:1::a']) {
      expect(internal(text), text).toBe(true);
    }
    for (const text of ['198.51.100.7', '203.0.113.45', '8.8.8.8', '2001:db8::77', '2606:4700::1111']) {
      expect(internal(text), text).toBe(false);
    }
  });

  it('include an internal IPv4 address wrapped in IPv6: mapped, translated, compatible, NAT64, 6to4', () => {
    // Each of these is 10.1.2.3.
    const wrapped = [
      '::ffff:10.1.2.3', // IPv4-mapped
      '::ffff:a01:203',
      '::ffff:0:a01:203', // IPv4-translated (SIIT)
      '::ffff:0:10.1.2.3',
      '::a01:203', // IPv4-compatible
      '64:ff9b::a01:203', // NAT64
      '64:ff9b::10.1.2.3',
      '2002:a01:203::1', // 6to4
      '2002:a01:203:5::77',
    ];
    for (const text of wrapped) expect(internal(text), text).toBe(true);
    expect(internal('64:ff9b::c0a8:101'), '192.168.1.1 through NAT64').toBe(true);
    expect(internal('2002:7f00:1::1'), '127.0.0.1 through 6to4').toBe(true);
  });

  it('include Teredo with an internal server or client, and ISATAP with an internal address', () => {
    // Teredo: 2001:0:<server>:<flags>:<port>:<client with its bits inverted>.
    expect(internal('2001:0:c633:6401:8000:ffff:f5fe:fdfc'), 'client 10.1.2.3').toBe(true);
    expect(internal('2001:0:a01:203:0:0:39cc:9bf8'), 'server 10.1.2.3').toBe(true);
    expect(internal('2001:0:c633:6401:8000:ffff:39cc:9bf8'), 'server and client public').toBe(false);
    expect(internal('2001:db8:1::5efe:a01:203'), 'ISATAP 10.1.2.3').toBe(true);
    expect(internal('2001:db8:1::200:5efe:c0a8:101'), 'ISATAP 192.168.1.1').toBe(true);
    expect(internal('2001:db8:1::200:5efe:c633:6407'), 'ISATAP 198.51.100.7').toBe(false);
  });

  it('leave out public IPv4 addresses wrapped the same way: they are checked like any other', () => {
    for (const text of [
      '64:ff9b::c633:6407',
      '2002:c633:6407::1',
      '::ffff:0:c633:6407',
      '::ffff:198.51.100.7',
    ]) {
      expect(internal(text), text).toBe(false);
    }
  });
});

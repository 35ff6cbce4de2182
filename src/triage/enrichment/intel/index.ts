// Threat-intel entries indexed for lookup in constant time per indicator, however long the feeds:
// networks by prefix length (an address is masked once per prefix length the feeds use, then looked up
// in a Map), domains by each of their suffixes (sub.evil.example finds evil.example), URLs, hashes and
// email addresses by their normalized text. A URL also finds its host, an email address its domain.

import type { Indicator } from '../../../types.js';
import { type Address, networkKey, parseAddress, parseNetwork } from '../ip.js';

export type EntryType = 'ip' | 'cidr' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';

export interface IntelEntry {
  readonly type: EntryType;
  /** As the feed writes it. */
  readonly value: string;
  readonly score: number;
  readonly note?: string;
  /** `intel/c2.txt:14`, `intel/team.yaml:8:5`. */
  readonly at: string;
}

/** The most entries one indicator reports: overlapping feeds do not make a decision longer. */
const MAX_ENTRIES_PER_INDICATOR = 8;
const HASH_LENGTHS: Readonly<Record<string, number>> = { md5: 32, sha1: 40, sha256: 64 };
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
// At least two labels, and a top-level label that is not all digits: `10.1` or `0x0a.0.0.1` is an
// address in a lenient parser's eyes, never a domain.
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?![0-9]+$)${LABEL}$`);
const EMAIL = /^[^\s@]{1,64}@([^\s@]{1,253})$/;

/** A domain in the form entries and indicators are compared in, or undefined when it is not one. */
export function normalDomain(text: string): string | undefined {
  const domain = text.toLowerCase().replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

/** A URL as WHATWG parsing writes it (lower-case scheme and host, default port dropped), or undefined. */
export function normalUrl(text: string): URL | undefined {
  if (text.length > 2048 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A hash in lower case when `text` is one of `type`'s length, else undefined. */
export function normalHash(text: string, type: string): string | undefined {
  const length = HASH_LENGTHS[type];
  return length !== undefined && text.length === length && /^[0-9a-f]+$/i.test(text)
    ? text.toLowerCase()
    : undefined;
}

export function normalEmail(text: string): { address: string; domain: string } | undefined {
  const match = EMAIL.exec(text.toLowerCase());
  const domain = match?.[1] === undefined ? undefined : normalDomain(match[1]);
  return match && domain !== undefined ? { address: match[0], domain } : undefined;
}

/** What a feed entry is, from its form: undefined when it is none of the known kinds. */
export function entryTypeOf(text: string): EntryType | undefined {
  if (parseAddress(text)) return 'ip';
  if (parseNetwork(text)) return 'cidr';
  if (normalUrl(text)) return 'url';
  for (const type of ['md5', 'sha1', 'sha256'] as const) if (normalHash(text, type)) return type;
  if (normalEmail(text)) return 'email';
  if (normalDomain(text.replace(/^\*\./, ''))) return 'domain';
  return undefined;
}

export class IntelIndex {
  private readonly networks = new Map<string, IntelEntry[]>();
  /** Per address family, the prefix lengths some entry uses, longest first. */
  private readonly prefixes: Record<'ipv4' | 'ipv6', number[]> = { ipv4: [], ipv6: [] };
  private readonly exact = new Map<string, IntelEntry[]>();
  readonly size: number;

  /** Refuses (RangeError) an entry whose value is not of its type: the feed parsers check first. */
  constructor(entries: readonly IntelEntry[]) {
    for (const entry of entries) this.add(entry);
    this.size = entries.length;
    this.prefixes.ipv4.sort((a, b) => b - a);
    this.prefixes.ipv6.sort((a, b) => b - a);
  }

  private add(entry: IntelEntry): void {
    const push = (map: Map<string, IntelEntry[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    const refuse = () => new RangeError(`${entry.at}: ${JSON.stringify(entry.value)} is not a ${entry.type}`);
    switch (entry.type) {
      case 'ip':
      case 'cidr': {
        const address = parseAddress(entry.value);
        const network = address
          ? { address, prefix: address.kind() === 'ipv4' ? 32 : 128 }
          : parseNetwork(entry.value);
        if (!network || (entry.type === 'ip') !== (address !== undefined)) throw refuse();
        const family = network.address.kind();
        if (!this.prefixes[family].includes(network.prefix)) this.prefixes[family].push(network.prefix);
        push(this.networks, networkKey(network.address, network.prefix));
        return;
      }
      case 'domain': {
        const domain = normalDomain(entry.value.replace(/^\*\./, ''));
        if (domain === undefined) throw refuse();
        push(this.exact, `domain\u0000${domain}`);
        return;
      }
      case 'url': {
        const url = normalUrl(entry.value);
        if (!url) throw refuse();
        push(this.exact, `url\u0000${url.href}`);
        return;
      }
      case 'email': {
        const email = normalEmail(entry.value);
        if (!email) throw refuse();
        push(this.exact, `email\u0000${email.address}`);
        return;
      }
      default: {
        const hash = normalHash(entry.value, entry.type);
        if (hash === undefined) throw refuse();
        push(this.exact, `hash\u0000${hash}`);
      }
    }
  }

  private address(address: Address): IntelEntry[] {
    const found: IntelEntry[] = [];
    for (const prefix of this.prefixes[address.kind()]) {
      found.push(...(this.networks.get(networkKey(address, prefix)) ?? []));
    }
    return found;
  }

  private domain(domain: string): IntelEntry[] {
    const found: IntelEntry[] = [];
    let suffix = domain;
    for (;;) {
      found.push(...(this.exact.get(`domain\u0000${suffix}`) ?? []));
      const dot = suffix.indexOf('.');
      if (dot < 0) return found;
      suffix = suffix.slice(dot + 1);
    }
  }

  private host(host: string): IntelEntry[] {
    const bare = host.startsWith('[') ? host.slice(1, -1) : host;
    const address = parseAddress(bare);
    if (address) return this.address(address);
    const domain = normalDomain(bare);
    return domain === undefined ? [] : this.domain(domain);
  }

  /** The entries `indicator` matches, most specific first, at most a few. */
  lookup(indicator: Indicator): IntelEntry[] {
    let found: IntelEntry[] = [];
    switch (indicator.type) {
      case 'ip': {
        const address = parseAddress(indicator.value);
        found = address ? this.address(address) : [];
        break;
      }
      case 'domain': {
        const domain = normalDomain(indicator.value);
        found = domain === undefined ? [] : this.domain(domain);
        break;
      }
      case 'url': {
        const url = normalUrl(indicator.value);
        found = url ? [...(this.exact.get(`url\u0000${url.href}`) ?? []), ...this.host(url.hostname)] : [];
        break;
      }
      case 'email': {
        const email = normalEmail(indicator.value);
        found = email
          ? [...(this.exact.get(`email\u0000${email.address}`) ?? []), ...this.domain(email.domain)]
          : [];
        break;
      }
      default: {
        const hash = normalHash(indicator.value, indicator.type);
        found = hash === undefined ? [] : (this.exact.get(`hash\u0000${hash}`) ?? []);
      }
    }
    return found.slice(0, MAX_ENTRIES_PER_INDICATOR);
  }
}

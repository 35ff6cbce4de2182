// Threat-intel feeds in the repository: plain lists as they are published and YAML feeds with scores,
// matched by network, parent domain, URL host and hash, each hit naming the entry and line it came from.

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workingTreeFiles } from '../../../src/playbooks/repo-files.js';
import { enrich } from '../../../src/triage/enrichment/enrich.js';
import {
  fileIntelProvider,
  hitsOf,
  loadIntelFeeds,
  parsePlainFeed,
  parseYamlFeed,
} from '../../../src/triage/enrichment/intel/feeds.js';
import { IntelIndex } from '../../../src/triage/enrichment/intel/index.js';
import { subjectOf } from '../../../src/triage/enrichment/subject.js';
import type { Indicator } from '../../../src/types.js';
import { normalizeFile, REPO_ROOT } from '../../helpers/corpus.js';
import { type ScratchRepo, scratchRepo, subject } from './helpers.js';

const DROP = `; Spamhaus-style DROP list
; Last-Modified: Thu, 01 Jan 2026
203.0.113.32/28 ; SBL000001
198.51.100.0/24 ; SBL000002
2001:db8:bad::/48 ; SBL000003
`;

function indexOf(text: string, file = 'intel/drop.txt'): IntelIndex {
  return new IntelIndex(parsePlainFeed(text, file));
}

function matched(index: IntelIndex, type: Indicator['type'], value: string): string[] {
  return index.lookup({ type, value }).map((entry) => `${entry.value} @${entry.at}`);
}

function problemOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
}

let repo: ScratchRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('threat-intel feeds', () => {
  it('match IPv4 and IPv6 addresses inside listed blocks, and name the block and its line', () => {
    const index = indexOf(DROP);
    expect(matched(index, 'ip', '203.0.113.45')).toEqual(['203.0.113.32/28 @intel/drop.txt:3']);
    expect(matched(index, 'ip', '203.0.113.48')).toEqual([]);
    expect(matched(index, 'ip', '2001:db8:bad:1::7')).toEqual(['2001:db8:bad::/48 @intel/drop.txt:5']);
    expect(matched(index, 'ip', '2001:db8:bae::1')).toEqual([]);
    // An IPv4-mapped IPv6 address is the IPv4 address it carries.
    expect(matched(index, 'ip', '::ffff:198.51.100.7')).toEqual(['198.51.100.0/24 @intel/drop.txt:4']);
    expect(index.lookup({ type: 'ip', value: '203.0.113.45' })[0]?.note).toBe('SBL000001');
  });

  it('list the most specific block first when blocks overlap', () => {
    const index = indexOf('10.0.0.0/8\n10.1.0.0/16\n10.1.2.3\n');
    expect(matched(index, 'ip', '10.1.2.3')).toEqual([
      '10.1.2.3 @intel/drop.txt:3',
      '10.1.0.0/16 @intel/drop.txt:2',
      '10.0.0.0/8 @intel/drop.txt:1',
    ]);
  });

  it('match a domain, its subdomains, URLs on it and email addresses at it, but not look-alikes', () => {
    const index = indexOf('# abuse.ch style\nc2-relay.example  # Cobalt Strike\n*.ransom-ops.example\n');
    expect(matched(index, 'domain', 'beacon.c2-relay.example')).toEqual([
      'c2-relay.example @intel/drop.txt:2',
    ]);
    expect(matched(index, 'domain', 'C2-RELAY.EXAMPLE.')).toEqual(['c2-relay.example @intel/drop.txt:2']);
    expect(matched(index, 'domain', 'notc2-relay.example')).toEqual([]);
    expect(matched(index, 'domain', 'c2-relay.example.evil')).toEqual([]);
    expect(matched(index, 'url', 'https://drop.ransom-ops.example/k/upload')).toEqual([
      '*.ransom-ops.example @intel/drop.txt:3',
    ]);
    expect(matched(index, 'email', 'ops@mail.c2-relay.example')).toEqual([
      'c2-relay.example @intel/drop.txt:2',
    ]);
    expect(index.lookup({ type: 'domain', value: 'x.c2-relay.example' })[0]?.note).toBe('Cobalt Strike');
  });

  it('match URLs as WHATWG writes them, and a URL on a listed address', () => {
    const index = indexOf('http://cdn-update.example.net/a.ps1\n203.0.113.9\n');
    expect(matched(index, 'url', 'HTTP://CDN-UPDATE.example.net:80/a.ps1')).toEqual([
      'http://cdn-update.example.net/a.ps1 @intel/drop.txt:1',
    ]);
    expect(matched(index, 'url', 'http://cdn-update.example.net/b.ps1')).toEqual([]);
    expect(matched(index, 'url', 'http://203.0.113.9:8080/x')).toEqual(['203.0.113.9 @intel/drop.txt:2']);
  });

  it('match hashes case-insensitively, each of its own length', () => {
    const sha256 = 'DE96A6E69944335375DC1AC238336066889D9FFC7D73628EF4FE1B1B160AB32C';
    const index = indexOf(`${sha256}\n0cc175b9c0f1b6a831c399e269772661\n`);
    expect(matched(index, 'sha256', sha256.toLowerCase())).toHaveLength(1);
    expect(matched(index, 'md5', '0CC175B9C0F1B6A831C399E269772661')).toHaveLength(1);
    expect(matched(index, 'sha1', '0cc175b9c0f1b6a831c399e269772661')).toEqual([]);
  });

  it('read scores and notes from a YAML feed, and a plain list’s score from its directive', () => {
    const entries = parseYamlFeed(
      'score: 0.7\nindicators:\n  - value: 198.51.100.23\n    score: 0.6\n    note: VPN exit\n  - value: evil.example\n',
      'intel/team.yaml',
    );
    expect(entries).toEqual([
      { type: 'ip', value: '198.51.100.23', score: 0.6, note: 'VPN exit', at: 'intel/team.yaml:3:12' },
      { type: 'domain', value: 'evil.example', score: 0.7, at: 'intel/team.yaml:6:12' },
    ]);
    expect(parsePlainFeed('# irac-score: 0.4\n192.0.2.1\n', 'intel/x.txt')).toEqual([
      { type: 'ip', value: '192.0.2.1', score: 0.4, at: 'intel/x.txt:2' },
    ]);
  });

  it('refuse a line that is no indicator, a lenient address, a wrong type and a misplaced directive', () => {
    expect(problemOf(() => parsePlainFeed('192.0.2.1\nnot an indicator!\n', 'intel/x.txt'))).toBe(
      'intel/x.txt:2: "not" is not an IP address, CIDR block, domain, URL, MD5/SHA-1/SHA-256 hash or email address',
    );
    // inet_aton forms that lenient parsers take for 127.0.0.1 and 10.0.0.1.
    expect(problemOf(() => parsePlainFeed('127.1\n', 'intel/x.txt'))).toMatch(
      /^intel\/x\.txt:1: "127\.1" is not/,
    );
    expect(problemOf(() => parsePlainFeed('0x0a.0.0.1\n', 'intel/x.txt'))).toMatch(/^intel\/x\.txt:1: /);
    expect(problemOf(() => parsePlainFeed('192.0.2.0/33\n', 'intel/x.txt'))).toMatch(/^intel\/x\.txt:1: /);
    expect(problemOf(() => parsePlainFeed('192.0.2.1\n# irac-score: 0.5\n', 'intel/x.txt'))).toBe(
      'intel/x.txt:2: irac-score must come before the first entry',
    );
    expect(problemOf(() => parsePlainFeed('# irac-score: 2\n', 'intel/x.txt'))).toBe(
      'intel/x.txt:1: irac-score must be a number from 0 to 1, not "2"',
    );
    expect(
      problemOf(() => parseYamlFeed('indicators:\n  - value: 192.0.2.1\n    type: domain\n', 'intel/t.yaml')),
    ).toBe('intel/t.yaml:2:12: indicators[0].value "192.0.2.1" is not a domain');
    expect(
      problemOf(() => parseYamlFeed('indicators:\n  - value: x\n    score: 1.5\n', 'intel/t.yaml')),
    ).toBe('intel/t.yaml:3:12: indicators[0].score must be at most 1, not 1.5');
    expect(
      problemOf(() => parseYamlFeed('indicators:\n  - {value: a.example, __proto__: 1}\n', 'intel/t.yaml')),
    ).toBe('intel/t.yaml:2:24: the key "__proto__" is not allowed');
  });

  it('treat indicator values from events as data: __proto__, control characters, huge values', () => {
    const index = indexOf('__proto__.example\n198.51.100.7\n');
    for (const [type, value] of [
      ['domain', '__proto__'],
      ['domain', 'constructor'],
      ['ip', '198.51.100.7\u0000'],
      ['ip', '198.51.100.7%eth0'],
      ['ip', `${'1'.repeat(100_000)}`],
      ['url', `http://${'a.'.repeat(50_000)}example/`],
      ['domain', `${'a.'.repeat(50_000)}example`],
      ['sha256', 'z'.repeat(64)],
      ['email', `${'x'.repeat(10_000)}@__proto__.example`],
    ] as const) {
      expect(index.lookup({ type, value }), `${type} ${value.slice(0, 30)}`).toEqual([]);
    }
    expect(matched(index, 'domain', 'a.__proto__.example')).toEqual(['__proto__.example @intel/drop.txt:1']);
  });

  it('look an address up in constant time whatever the size of the feeds', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`);
    const index = indexOf(lines.join('\n'));
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) index.lookup({ type: 'ip', value: `10.1.${i & 255}.9` });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(matched(index, 'ip', '10.0.5.77')).toEqual(['10.0.5.0/24 @intel/drop.txt:6']);
  });

  it('loads every feed of the directory, leaves other files alone, and lists the most specific entry first', async () => {
    repo = await scratchRepo({
      'intel/drop.txt': DROP,
      'intel/team.yaml': 'indicators:\n  - {value: 198.51.100.23, score: 0.6, note: VPN exit}\n',
      'intel/README.md': 'not a feed: 192.0.2.1 !!\n',
    });
    const index = await loadIntelFeeds(repo.files, 'intel');
    expect(index.size).toBe(4);
    expect(hitsOf(index, [{ type: 'ip', value: '198.51.100.23' }], 'threat_intel intel')).toEqual([
      {
        type: 'ip',
        value: '198.51.100.23',
        score: 0.6,
        source: 'threat_intel intel',
        matched: '198.51.100.23',
        at: 'intel/team.yaml:2:13',
        detail: 'VPN exit',
      },
      {
        type: 'ip',
        value: '198.51.100.23',
        score: 1,
        source: 'threat_intel intel',
        matched: '198.51.100.0/24',
        at: 'intel/drop.txt:4',
        detail: 'SBL000002',
      },
    ]);
  });

  it('reads no feed through a symbolic link out of the repository, and echoes nothing of what is there', async () => {
    repo = await scratchRepo({ 'README.md': '# security team\n' });
    const outside = await scratchRepo({ 'feeds/passwd.txt': 'root:TOP-SECRET:0:0:root:/root:/bin/sh\n' });
    try {
      symlinkSync(join(outside.root, 'feeds'), join(repo.root, 'intel'));
      symlinkSync(outside.root, join(repo.root, 'shared'));
      const lookups = await enrich(subject({ indicators: [{ type: 'ip', value: '192.0.2.1' }] }), [
        fileIntelProvider({ files: repo.files, path: 'intel', timeoutMs: 2000 }),
        fileIntelProvider({ files: repo.files, path: 'shared/feeds', timeoutMs: 2000 }),
      ]);
      expect(lookups.degraded).toEqual([
        'threat_intel intel: intel: is a symbolic link; irac reads only files',
        'threat_intel shared/feeds: shared/feeds: shared is a symbolic link; irac reads only files inside the repository',
      ]);
      expect(JSON.stringify(lookups)).not.toContain('TOP-SECRET');
    } finally {
      await outside.remove();
    }
  });

  it('leaves triage degraded, not stopped, when a feed is broken', async () => {
    repo = await scratchRepo({ 'intel/drop.txt': '192.0.2.1\n<script>\n' });
    const provider = fileIntelProvider({ files: repo.files, path: 'intel', timeoutMs: 2000 });
    const enrichment = await enrich(subject({ indicators: [{ type: 'ip', value: '192.0.2.1' }] }), [
      provider,
    ]);
    // Event text or not, what reaches a terminal is neutralized: <script> comes back with its brackets defused.
    expect(enrichment.degraded).toEqual([
      'threat_intel intel: intel/drop.txt:2: "‹script›" is not an IP address, CIDR block, domain, URL, MD5/SHA-1/SHA-256 hash or email address',
    ]);
    expect(enrichment.intel).toEqual({ score: 0, hits: [] });
    expect(enrichment.providers).toEqual([expect.objectContaining({ status: 'degraded' })]);
  });

  it('scores the sample events from the shipped feeds', async () => {
    const provider = fileIntelProvider({
      files: workingTreeFiles(REPO_ROOT),
      path: 'intel',
      timeoutMs: 5000,
    });
    const events = normalizeFile(join(REPO_ROOT, 'samples/events.ndjson'));
    const found = [];
    for (const event of events) {
      const { intel, degraded } = await enrich(subjectOf([event]), [provider]);
      expect(degraded).toEqual([]);
      found.push(intel.hits.map((hit) => `${hit.value}→${hit.matched} ${hit.score}`).join(', '));
    }
    expect(found).toEqual([
      '203.0.113.45→203.0.113.32/28 1',
      '203.0.113.77→203.0.113.77 0.8',
      'beacon.c2-relay.example→c2-relay.example 1',
      'c2.bad-domain.example.net→bad-domain.example.net 1',
      '203.0.113.50→203.0.113.50 0.95',
      '05732e84de58a3cc142535431b3aa04efbe034cc96e837f93c360a6387d8faad→05732e84de58a3cc142535431b3aa04efbe034cc96e837f93c360a6387d8faad 1',
      'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c→de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c 1, http://cdn-update.example.net/a.ps1→http://cdn-update.example.net/a.ps1 0.9',
      '198.51.100.23→198.51.100.23 0.6',
      '203.0.113.99→203.0.113.96/30 1, de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c→de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c 1, http://cdn-update.example.net/a.ps1→http://cdn-update.example.net/a.ps1 0.9',
      '198.51.100.23→198.51.100.23 0.6',
    ]);
  });
});

// AbuseIPDB, exercised against the loopback AbuseIPDB: what leaves the runner (public addresses only,
// with the key, within the rate limit), what is kept, and how every kind of failure reads in the decision.

import { afterEach, describe, expect, it } from 'vitest';
import { workingTreeFiles } from '../../../src/playbooks/repo-files.js';
import { type AbuseIpDbSim, startAbuseIpDbSim } from '../../../src/sim/abuseipdb.js';
import { createProviders, enrich } from '../../../src/triage/enrichment/enrich.js';
import { abuseIpDbProvider } from '../../../src/triage/enrichment/intel/abuseipdb.js';
import { parseRate } from '../../../src/triage/enrichment/rate-limit.js';
import type { Subject } from '../../../src/triage/enrichment/types.js';
import { REPO_ROOT } from '../../helpers/corpus.js';
import { settingsWith, subject } from './helpers.js';

const KEY = 'k'.repeat(80);

let sim: AbuseIpDbSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function ips(...values: string[]): Subject {
  return subject({ indicators: values.map((value) => ({ type: 'ip' as const, value })) });
}

function abuseIpDb(
  options: { env?: NodeJS.ProcessEnv; rate?: string; timeoutMs?: number; cacheTtlMs?: number } = {},
) {
  if (!sim) throw new Error('start the simulator first');
  return abuseIpDbProvider({
    endpoint: sim.endpoint,
    keyEnv: 'ABUSEIPDB_API_KEY',
    env: options.env ?? { ABUSEIPDB_API_KEY: KEY },
    rate: options.rate === undefined ? undefined : parseRate(options.rate),
    timeoutMs: options.timeoutMs ?? 3000,
    cacheTtlMs: options.cacheTtlMs ?? 0,
  });
}

const sent = () => sim?.requests.map((r) => r.ipAddress) ?? [];

describe('AbuseIPDB', () => {
  it('checks each public address with the key, and scores it by AbuseIPDB’s confidence', async () => {
    sim = await startAbuseIpDbSim({
      key: KEY,
      reputations: new Map([
        [
          '203.0.113.45',
          {
            abuseConfidenceScore: 87,
            totalReports: 42,
            numDistinctUsers: 9,
            countryCode: 'NL',
            usageType: 'Data Center/Web Hosting/Transit',
            isTor: true,
          },
        ],
      ]),
    });
    const enrichment = await enrich(ips('203.0.113.45', '198.51.100.7', '203.0.113.45'), [abuseIpDb()]);
    expect(enrichment.degraded).toEqual([]);
    expect(enrichment.intel).toEqual({
      score: 0.87,
      hits: [
        {
          type: 'ip',
          value: '203.0.113.45',
          score: 0.87,
          source: `threat_intel abuse_ip_db ${sim.endpoint}`,
          detail:
            'confidence 87%: 42 reports from 9 users in 90 days, NL, Data Center/Web Hosting/Transit, Tor exit node',
        },
      ],
    });
    expect(sim.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v2/check',
        ipAddress: '203.0.113.45',
        maxAgeInDays: '90',
        keyAccepted: true,
        accept: 'application/json',
      },
      {
        method: 'GET',
        path: '/api/v2/check',
        ipAddress: '198.51.100.7',
        maxAgeInDays: '90',
        keyAccepted: true,
        accept: 'application/json',
      },
    ]);
  });

  it('never sends an internal address, nor one wrapped in IPv6', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    const internal = [
      '10.0.0.5',
      '172.16.4.1',
      '192.168.1.10',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.251',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.5',
      '::ffff:192.168.1.1',
      // 10.1.2.3 wrapped in IPv6: NAT64, 6to4, IPv4-translated, IPv4-compatible, a Teredo client.
      '64:ff9b::a01:203',
      '2002:a01:203::1',
      '::ffff:0:a01:203',
      '::a01:203',
      '2001:0:c633:6401:8000:ffff:f5fe:fdfc',
    ];
    const enrichment = await enrich(ips(...internal, '2001:db8::77', '198.51.100.7'), [abuseIpDb()]);
    expect(enrichment.degraded).toEqual([]);
    expect(sent()).toEqual(['2001:db8::77', '198.51.100.7']);
  });

  it('sends nothing without a key, and says which variable is missing', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    const enrichment = await enrich(ips('198.51.100.7'), [abuseIpDb({ env: {} })]);
    expect(enrichment.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: ABUSEIPDB_API_KEY is not set`,
    ]);
    expect(sim.requests).toEqual([]);
  });

  it('reports a refused key without ever writing the key down', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    const enrichment = await enrich(ips('198.51.100.7'), [
      abuseIpDb({ env: { ABUSEIPDB_API_KEY: 'wrong-key-123' } }),
    ]);
    expect(enrichment.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: AbuseIPDB refused the key in ABUSEIPDB_API_KEY (HTTP 401)`,
    ]);
    expect(JSON.stringify(enrichment)).not.toContain('wrong-key-123');
    expect(sim.requests.map((r) => r.keyAccepted)).toEqual([false]);
  });

  it('refuses a key a header cannot carry before sending anything', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    const enrichment = await enrich(ips('198.51.100.7'), [
      abuseIpDb({ env: { ABUSEIPDB_API_KEY: 'abc\ndef' } }),
    ]);
    expect(enrichment.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: ABUSEIPDB_API_KEY holds characters an HTTP header cannot carry`,
    ]);
    expect(sim.requests).toEqual([]);
  });

  it('sends exactly N checks under a limit of N, and says how many were checked', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, reputations: new Map([['198.51.100.1', 60]]) });
    const provider = abuseIpDb({ rate: '3/min', timeoutMs: 1000 });
    const started = performance.now();
    const enrichment = await enrich(ips('198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'), [
      provider,
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sim.requests).toHaveLength(3);
    expect(enrichment.intel.score).toBe(0.6);
    expect(enrichment.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: rate limit 3/min reached (3 of 4 IPs checked)`,
    ]);
    // The budget belongs to the process: the next incident finds it spent.
    const next = await enrich(ips('198.51.100.9'), [abuseIpDb({ rate: '3/min', timeoutMs: 1000 })]);
    expect(sim.requests).toHaveLength(3);
    expect(next.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: rate limit 3/min reached (0 of 1 IPs checked)`,
    ]);
  });

  it('waits for a token when it comes before the deadline', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    // Two per second: the third check waits half a second for its token, within the timeout.
    const enrichment = await enrich(ips('198.51.100.1', '198.51.100.2', '198.51.100.3'), [
      abuseIpDb({ rate: '2/s', timeoutMs: 2000 }),
    ]);
    expect(enrichment.degraded).toEqual([]);
    expect(sim.requests).toHaveLength(3);
  });

  it('stops sending when AbuseIPDB answers 429, for as long as its Retry-After says', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, limit: 1, retryAfterSeconds: 3600 });
    const enrichment = await enrich(ips('198.51.100.1', '198.51.100.2', '198.51.100.3'), [abuseIpDb()]);
    // The three go out together: one is answered, two are refused with 429.
    expect(sent()).toHaveLength(3);
    expect(enrichment.degraded[0]).toMatch(
      /: AbuseIPDB answered 429, nothing sent before \d{4}-\d\d-\d\dT[\d:.]+Z \(1 of 3 IPs checked\)$/,
    );
    // Then nothing more is sent until the Retry-After has passed.
    const next = await enrich(ips('198.51.100.4'), [abuseIpDb()]);
    expect(sent()).toHaveLength(3);
    expect(next.degraded[0]).toMatch(
      /: AbuseIPDB answered 429, nothing sent before .* \(0 of 1 IPs checked\)$/,
    );
  });

  it('waits at least a second after a 429 that says Retry-After: 0, and gives an address up after 3 retries', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, limit: 0, retryAfterSeconds: 0 });
    const started = performance.now();
    const enrichment = await enrich(ips('198.51.100.7'), [abuseIpDb({ timeoutMs: 5000 })]);
    const elapsed = performance.now() - started;
    // The first request and three retries, a second apart: not a flood, and done before the timeout.
    expect(sent()).toEqual(['198.51.100.7', '198.51.100.7', '198.51.100.7', '198.51.100.7']);
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(4500);
    expect(enrichment.degraded).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: AbuseIPDB still answered 429 after 3 retries (0 of 1 IPs checked)`,
    ]);
  });

  it('says the timeout ran out, not a rate limit, when no rate is configured and answers come slowly', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, reputations: new Map([['198.51.100.1', 40]]) });
    sim.latencyMs = 1000;
    const addresses = ips('198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5');
    // Asked directly, without enrich's own timeout around it: four go out at once and are answered after
    // the provider's deadline (nine tenths of its timeout), so the fifth is never sent.
    const facts = await abuseIpDb({ timeoutMs: 1000 }).lookup(addresses, new AbortController().signal);
    expect(sent()).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']);
    expect(facts.degraded).toBe('no time left within the 1000 ms timeout (4 of 5 IPs checked)');
    expect(facts.hits?.map((hit) => hit.value)).toEqual(['198.51.100.1']);
  });

  it('keeps each answer for the cache TTL: a second incident with the same address sends nothing', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, reputations: new Map([['198.51.100.7', 25]]) });
    const first = await enrich(ips('198.51.100.7', '198.51.100.8'), [abuseIpDb({ cacheTtlMs: 60_000 })]);
    const second = await enrich(ips('198.51.100.8', '198.51.100.7'), [abuseIpDb({ cacheTtlMs: 60_000 })]);
    expect(sim.requests).toHaveLength(2);
    expect(second.intel).toEqual(first.intel);
    expect(second.intel.score).toBe(0.25);
  });

  it('gives up on an AbuseIPDB that never answers within the timeout', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    sim.mode = 'hang';
    const started = performance.now();
    const enrichment = await enrich(ips('198.51.100.7'), [abuseIpDb({ timeoutMs: 250 })]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(enrichment.degraded).toEqual([`threat_intel abuse_ip_db ${sim.endpoint}: timed out after 250 ms`]);
  });

  it('reports a server error and an answer that is not JSON, keeping what did arrive', async () => {
    sim = await startAbuseIpDbSim({ key: KEY });
    sim.mode = 'fail';
    const failed = await enrich(ips('198.51.100.7'), [abuseIpDb()]);
    sim.mode = 'malformed';
    const malformed = await enrich(ips('198.51.100.7'), [abuseIpDb()]);
    expect([...failed.degraded, ...malformed.degraded]).toEqual([
      `threat_intel abuse_ip_db ${sim.endpoint}: HTTP 500 from AbuseIPDB: Internal Server Error (0 of 1 IPs checked)`,
      `threat_intel abuse_ip_db ${sim.endpoint}: HTTP 200 with a body that is not JSON (0 of 1 IPs checked)`,
    ]);
  });

  it('is configured from the source, and a local-only run sends it nothing', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, reputations: new Map([['198.51.100.7', 90]]) });
    const settings = settingsWith(`  enrichment_sources:
    - {type: threat_intel, provider: abuse_ip_db, endpoint: "${sim.endpoint}", api_key_env: IRAC_TEST_ABUSE_KEY, rate_limit: 100/min, timeout: 2s}
`);
    const files = workingTreeFiles(REPO_ROOT);
    const env = { IRAC_TEST_ABUSE_KEY: KEY };
    const local = await enrich(
      ips('198.51.100.7'),
      createProviders(settings, { files, env, localOnly: true }),
    );
    expect(local.providers.map((p) => p.status)).toEqual(['skipped']);
    expect(sim.requests).toEqual([]);
    const remote = await enrich(ips('198.51.100.7'), createProviders(settings, { files, env }));
    expect(remote.intel.score).toBe(0.9);
    expect(sent()).toEqual(['198.51.100.7']);
  });

  it('has a simulator that answers as AbuseIPDB does: error envelopes, 422 and 429 with their headers', async () => {
    sim = await startAbuseIpDbSim({ key: KEY, limit: 1, retryAfterSeconds: 120 });
    const check = (query: string, key = KEY) =>
      fetch(`${sim?.endpoint}/check?${query}`, { headers: { Key: key, Accept: 'application/json' } });
    const unauthorized = await check('ipAddress=198.51.100.7', 'nope');
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({
      errors: [
        {
          detail:
            'Authentication failed. Your API key is either missing, incorrect, or revoked. Note: The APIv2 key differs from the APIv1 key.',
          status: 401,
        },
      ],
    });
    const invalid = await check('ipAddress=not-an-ip');
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      errors: [{ status: 422, source: { parameter: 'ipAddress' } }],
    });
    const ok = await check('ipAddress=198.51.100.7&maxAgeInDays=90');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      data: { ipAddress: '198.51.100.7', ipVersion: 4, abuseConfidenceScore: 0 },
    });
    const limited = await check('ipAddress=198.51.100.8');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});

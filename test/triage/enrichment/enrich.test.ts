// Enrichment as triage sees it: what an incident names, every source at once under its own timeout,
// answers merged, and a source that fails or hangs reported — never in the way of the decision.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { workingTreeFiles } from '../../../src/playbooks/repo-files.js';
import { createProviders, enrich } from '../../../src/triage/enrichment/enrich.js';
import { SUBJECT_LIMITS, subjectOf } from '../../../src/triage/enrichment/subject.js';
import {
  type AssetMatch,
  type EnrichmentProvider,
  type IntelHit,
  ProviderError,
} from '../../../src/triage/enrichment/types.js';
import type { SecurityEvent } from '../../../src/types.js';
import { REPO_ROOT } from '../../helpers/corpus.js';
import { settingsWith, subject } from './helpers.js';

function event(parts: Partial<SecurityEvent>): SecurityEvent {
  return {
    id: `guardduty-${'0'.repeat(32)}`,
    timestamp: '2026-03-02T08:11:37.000Z',
    source: 'threatintel',
    severity: 'high',
    vendor: 'guardduty',
    kind: 'Recon:EC2/PortProbeUnprotectedPort',
    title: 'probe',
    resource: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc',
    resources: [
      { type: 'aws.ec2.instance', id: 'i-0abc', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc' },
    ],
    account: '123456789012',
    indicators: [{ type: 'ip', value: '198.51.100.7' }],
    attack: { tactics: [], techniques: [] },
    fingerprint: 'a'.repeat(64),
    raw_sha256: 'b'.repeat(64),
    raw_pointer: '',
    payload: {},
    context: {},
    ...parts,
  };
}

function asset(id: string, criticality: number, source: string): AssetMatch {
  return { id, criticality, compliance: [], matched: { identifier: 'x', pattern: 'x' }, source };
}

function hit(value: string, score: number, source: string): IntelHit {
  return { type: 'ip', value, score, source };
}

function provider(name: string, lookup: EnrichmentProvider['lookup'], timeoutMs = 1000): EnrichmentProvider {
  return { name, kind: name.startsWith('asset') ? 'asset' : 'intel', timeoutMs, lookup };
}

describe('the subject of an incident', () => {
  it('names each resource, account, actor and indicator once, first seen first', () => {
    const first = event({});
    const second = event({
      resource: 'payments/api-1',
      resources: [{ type: 'k8s.pod', id: 'payments/api-1' }],
      account: '123456789012',
      actor: 'system:serviceaccount:ci:deployer',
      indicators: [
        { type: 'ip', value: '198.51.100.7' },
        { type: 'domain', value: 'c2.example' },
      ],
    });
    expect(subjectOf([first, second, first])).toEqual({
      resources: [
        { type: 'aws.ec2.instance', id: 'i-0abc', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc' },
        { type: 'k8s.pod', id: 'payments/api-1' },
      ],
      accounts: ['123456789012'],
      actors: ['system:serviceaccount:ci:deployer'],
      indicators: [
        { type: 'ip', value: '198.51.100.7' },
        { type: 'domain', value: 'c2.example' },
      ],
      fingerprint: 'a'.repeat(64),
    });
  });

  it('keeps a primary resource that no typed resource spells out, untyped', () => {
    const { resources } = subjectOf([event({ resource: 'okta:user/jdoe@example.com', resources: [] })]);
    expect(resources).toEqual([{ id: 'okta:user/jdoe@example.com' }]);
  });

  it('stops at its bounds however many events an incident holds', () => {
    const events = Array.from({ length: 2000 }, (_, i) =>
      event({
        resource: `host-${i}`,
        resources: [{ type: 'host', id: `host-${i}` }],
        indicators: [
          { type: 'ip', value: `198.51.100.${i % 256}` },
          { type: 'domain', value: `d${i}.example` },
        ],
      }),
    );
    const found = subjectOf(events);
    expect(found.resources).toHaveLength(SUBJECT_LIMITS.resources);
    expect(found.indicators).toHaveLength(SUBJECT_LIMITS.indicators);
    expect(found.resources[0]).toEqual({ type: 'host', id: 'host-0' });
  });
});

describe('enrich', () => {
  it('merges every provider: the most critical asset (first provider on a tie), hits by score', async () => {
    const enrichment = await enrich(subject(), [
      provider('asset_registry a', async () => ({ assets: [asset('a1', 0.5, 'a'), asset('a2', 0.9, 'a')] })),
      provider('asset_registry b', async () => ({ assets: [asset('b1', 0.9, 'b')] })),
      provider('threat_intel x', async () => ({ hits: [hit('192.0.2.1', 0.4, 'x')] })),
      provider('threat_intel y', async () => ({ hits: [hit('192.0.2.2', 0.7, 'y')] })),
    ]);
    expect(enrichment.asset?.id).toBe('a2');
    expect(enrichment.assets.map((a) => a.id)).toEqual(['a2', 'b1', 'a1']);
    expect(enrichment.intel.score).toBe(0.7);
    expect(enrichment.intel.hits.map((h) => h.value)).toEqual(['192.0.2.2', '192.0.2.1']);
    expect(enrichment.degraded).toEqual([]);
    expect(enrichment.providers.map((p) => [p.name, p.status])).toEqual([
      ['asset_registry a', 'ok'],
      ['asset_registry b', 'ok'],
      ['threat_intel x', 'ok'],
      ['threat_intel y', 'ok'],
    ]);
  });

  it('answers nothing known when no provider knows anything', async () => {
    expect(await enrich(subject(), [])).toEqual({
      asset: null,
      assets: [],
      intel: { score: 0, hits: [] },
      history: null,
      providers: [],
      degraded: [],
    });
  });

  it('finishes within the timeout when a provider ignores its signal, and reports it degraded', async () => {
    const started = performance.now();
    const enrichment = await enrich(subject(), [
      provider('asset_registry stuck', () => new Promise(() => {}), 150),
      provider('threat_intel x', async () => ({ hits: [hit('192.0.2.1', 0.4, 'x')] })),
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(enrichment.degraded).toEqual(['asset_registry stuck: timed out after 150 ms']);
    expect(enrichment.intel.score).toBe(0.4);
    expect(enrichment.providers[0]).toEqual(
      expect.objectContaining({ status: 'degraded', reason: 'timed out after 150 ms' }),
    );
  });

  it('hands each provider a signal that aborts at its timeout', async () => {
    let aborted = false;
    await enrich(subject(), [
      provider(
        'asset_registry polite',
        (_, signal) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(signal.reason);
            }),
          ),
        50,
      ),
    ]);
    expect(aborted).toBe(true);
  });

  it('reports a provider that throws in one line, without stack or control characters', async () => {
    const enrichment = await enrich(subject(), [
      provider('threat_intel own', async () => {
        throw new ProviderError('HTTP 500 from AbuseIPDB');
      }),
      provider('threat_intel bug', async () => {
        throw new TypeError('cannot read x\n    at lookup (file.js:1:1)\u001b[31m');
      }),
      provider('threat_intel sync', () => {
        throw new Error('thrown before any promise');
      }),
    ]);
    expect(enrichment.degraded).toEqual([
      'threat_intel own: HTTP 500 from AbuseIPDB',
      'threat_intel bug: failed: cannot read x',
      'threat_intel sync: failed: thrown before any promise',
    ]);
  });

  it('keeps what a provider found in part, and says why it is partial', async () => {
    const enrichment = await enrich(subject(), [
      provider('threat_intel abuse_ip_db', async () => ({
        hits: [hit('192.0.2.1', 0.9, 'abuse')],
        degraded: 'rate limit 3/min reached (3 of 4 IPs checked)',
      })),
    ]);
    expect(enrichment.intel.score).toBe(0.9);
    expect(enrichment.degraded).toEqual([
      'threat_intel abuse_ip_db: rate limit 3/min reached (3 of 4 IPs checked)',
    ]);
  });
});

describe('providers from the configuration', () => {
  it('follow the order of enrichment_sources, with the history provider passed in', () => {
    const settings = settingsWith(`  enrichment_sources:
    - {type: history, window: 30d}
    - {type: threat_intel, path: intel}
    - {type: asset_registry, path: ./assets/}
    - {type: threat_intel, provider: abuse_ip_db, rate_limit: 100/min}
    - {type: asset_registry, endpoint: "https://cmdb.example.com/api/v1"}
`);
    const history: EnrichmentProvider = {
      name: 'history',
      kind: 'history',
      timeoutMs: 1000,
      lookup: async () => ({}),
    };
    const providers = createProviders(settings, { files: workingTreeFiles(REPO_ROOT), env: {}, history });
    expect(providers.map((p) => [p.name, p.kind])).toEqual([
      ['history', 'history'],
      ['threat_intel intel', 'intel'],
      ['asset_registry assets', 'asset'],
      ['threat_intel abuse_ip_db', 'intel'],
      ['asset_registry https://cmdb.example.com/api/v1', 'asset'],
    ]);
    expect(createProviders(settings, { files: workingTreeFiles(REPO_ROOT), env: {} })).toHaveLength(4);
  });

  it('take the source timeout over triage.enrichment_timeout', () => {
    const settings = settingsWith(`  enrichment_timeout: 3s
  enrichment_sources:
    - {type: asset_registry, path: assets}
    - {type: threat_intel, path: intel, timeout: 250ms}
`);
    const providers = createProviders(settings, { files: workingTreeFiles(REPO_ROOT), env: {} });
    expect(providers.map((p) => p.timeoutMs)).toEqual([3000, 250]);
  });

  it('skip network sources in a local-only run and say so, without failing the decision', async () => {
    const settings = settingsWith(`  enrichment_sources:
    - {type: threat_intel, provider: abuse_ip_db}
    - {type: asset_registry, endpoint: "https://user:secret@cmdb.example.com/api/v1?token=x"}
`);
    const providers = createProviders(settings, {
      files: workingTreeFiles(REPO_ROOT),
      env: {},
      localOnly: true,
    });
    const enrichment = await enrich(
      subject({ indicators: [{ type: 'ip', value: '198.51.100.7' }] }),
      providers,
    );
    expect(enrichment.degraded).toEqual([]);
    expect(enrichment.providers.map(({ ms: _, ...p }) => p)).toEqual([
      {
        name: 'threat_intel abuse_ip_db',
        kind: 'intel',
        status: 'skipped',
        reason: 'network source left out of a local-only run',
      },
      {
        // No credentials in a name that ends up in triage.json.
        name: 'asset_registry https://cmdb.example.com/api/v1',
        kind: 'asset',
        status: 'skipped',
        reason: 'network source left out of a local-only run',
      },
    ]);
  });

  it('the shipped configuration enriches from the shipped registry and feeds', async () => {
    const { settings } = await loadConfig({ repoRoot: REPO_ROOT });
    const providers = createProviders(settings, { files: workingTreeFiles(REPO_ROOT), env: {} });
    expect(providers.map((p) => p.name)).toEqual(['asset_registry assets', 'threat_intel intel']);
    const enrichment = await enrich(
      subject({
        resources: [{ type: 'k8s.pod', id: 'payments/payments-api-7c9d5b6f4-x2x8k' }],
        indicators: [{ type: 'ip', value: '203.0.113.50' }],
      }),
      providers,
    );
    expect(enrichment.asset?.id).toBe('payments-platform');
    expect(enrichment.intel.score).toBe(0.95);
    expect(enrichment.degraded).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/config/config.js';
import { openIncident } from '../../src/store/incident.js';
import {
  compileRules,
  decide,
  type EnrichmentFacts,
  type Route,
  type TriageInput,
} from '../../src/triage/decide.js';
import { compileCondition } from '../../src/triage/expressions.js';
import type { PastIncidents } from '../../src/triage/history.js';
import { score } from '../../src/triage/score.js';
import type { SecurityEvent } from '../../src/types.js';
import { fixtureFiles, normalizeFile } from '../helpers/corpus.js';

const OPENED = '2026-11-28T10:00:00.000Z';
const NOW = new Date('2026-11-28T10:00:05.000Z');

function guardDutyEvent(): SecurityEvent {
  const file = fixtureFiles('guardduty').find((f) => f.endsWith('cli-port-probe.json')) ?? '';
  const [event] = normalizeFile(file);
  if (!event) throw new Error('no event in the fixture');
  return event;
}

const NOTHING_FOUND: EnrichmentFacts = {
  asset: null,
  intel: { score: 0, hits: [] },
  providers: [],
  degraded: [],
};
const NO_HISTORY: PastIncidents = { fingerprints: [], resources: [], actors: [] };

function input(overrides: Partial<TriageInput> = {}, event = guardDutyEvent()): TriageInput {
  return {
    incident: openIncident('IR-20261128-aaaaaaaa', event, OPENED),
    events: [event],
    enrichment: NOTHING_FOUND,
    history: NO_HISTORY,
    now: NOW,
    ...overrides,
  };
}

function route(id: string, trigger: string, priority = 100): Route {
  return { id, priority, trigger: compileCondition(trigger, `playbooks/${id}.yaml:3:10`) };
}

function settingsWith(triage: Partial<Settings['triage']> = {}): Settings {
  const defaults = defaultSettings();
  return {
    ...defaults,
    triage: {
      ...defaults.triage,
      enrichment_sources: [{ type: 'history', window: '30d' }],
      ...triage,
    },
  };
}

const ROUTES = [
  route('queue-for-review', 'true', 1000),
  route('immediate-isolation', "severity == 'critical'"),
  route('investigate-and-notify', "severity == 'high'"),
];

const critical = {
  asset: {
    id: 'payments-prod',
    owner: 'team-payments',
    environment: 'prod',
    criticality: 1,
    compliance: ['pci-dss'],
    matched: { identifier: 'i-99999999', pattern: 'i-99999999' },
    source: 'assets/payments.yaml',
  },
  intel: { score: 1, hits: [{ type: 'ip', value: '198.51.100.0', score: 1, source: 'intel/blocklist.txt' }] },
  providers: [],
  degraded: [],
} satisfies EnrichmentFacts;

describe('score', () => {
  it('is the weighted sum of the normalized factors, each written down, and names the threshold', () => {
    const scored = score(
      {
        severity: { raw: 'high', why: '' },
        asset_criticality: { raw: 'payments-prod', normalized: 0.9, why: '' },
        historical_frequency: { raw: 2, why: '' },
        threat_score: { raw: 'ip 198.51.100.7', normalized: 0.8, why: '' },
      },
      defaultSettings().triage.scoring,
    );
    // 0.4 × 0.75 + 0.3 × 0.9 + 0.2 × 2/5 + 0.1 × 0.8 = 0.3 + 0.27 + 0.08 + 0.08
    expect(scored.factors.map((f) => [f.name, f.normalized, f.weight, f.contribution])).toEqual([
      ['severity', 0.75, 0.4, 0.3],
      ['asset_criticality', 0.9, 0.3, 0.27],
      ['historical_frequency', 0.4, 0.2, 0.08],
      ['threat_score', 0.8, 0.1, 0.08],
    ]);
    expect(scored.value).toBe(0.73);
    expect(scored.severity).toBe('high');
    expect(scored.threshold).toEqual({ severity: 'high', at: 0.5 });
  });

  it('caps history at the saturation and falls below every threshold to low', () => {
    const scored = score(
      {
        severity: { raw: 'low', why: '' },
        asset_criticality: { raw: 'unknown', normalized: 0, why: '' },
        historical_frequency: { raw: 50, why: '' },
        threat_score: { raw: 'none', normalized: 0, why: '' },
      },
      { ...defaultSettings().triage.scoring, thresholds: { critical: 0.9, high: 0.7, medium: 0.4 } },
    );
    expect(scored.factors[2]?.normalized).toBe(1);
    expect(scored.value).toBe(0.3);
    expect(scored.severity).toBe('low');
    expect(scored.threshold).toBeUndefined();
  });
});

describe('decide', () => {
  it('scores an unknown asset with unknown_asset_criticality and routes by the first trigger in priority order', () => {
    const rules = compileRules(settingsWith(), ROUTES, 'incident-response-config.yaml');
    const decision = decide(input(), rules);
    // GuardDuty's port probe is severity 2 (low): 0.4 × 0.25 + 0.3 × 0.5 = 0.25 → medium.
    expect(decision.event_severity).toBe('low');
    expect(decision.score.value).toBe(0.25);
    expect(decision.severity).toBe('medium');
    expect(decision.outcome).toBe('routed');
    expect(decision.playbook).toBe('queue-for-review');
    expect(decision.route.evaluated.map((e) => [e.playbook, e.result])).toEqual([
      ['immediate-isolation', false],
      ['investigate-and-notify', false],
      ['queue-for-review', true],
    ]);
    expect(decision.score.factors[1]?.why).toContain('unknown_asset_criticality');
  });

  it('lets a critical asset and a listed indicator raise the severity, and the routing follows', () => {
    const rules = compileRules(settingsWith(), ROUTES, 'incident-response-config.yaml');
    const decision = decide(input({ enrichment: critical }), rules);
    // 0.1 + 0.3 + 0 + 0.1 = 0.5 → high
    expect(decision.score.value).toBe(0.5);
    expect(decision.playbook).toBe('investigate-and-notify');
    expect(decision.route.reason).toBe("trigger of investigate-and-notify holds: severity == 'high'");
    expect(decision.score.factors[3]?.why).toBe('listed by intel/blocklist.txt');
  });

  it('gives conditions the asset, intel and history, with unknown asset fields as null', () => {
    const rules = compileRules(
      settingsWith(),
      [
        route('prod-only', "asset.environment == 'prod' && 'pci-dss' in asset.compliance", 1),
        route('unknown-asset', '!asset.known && asset.environment == null && intel.matched == false', 2),
      ],
      'incident-response-config.yaml',
    );
    expect(decide(input({ enrichment: critical }), rules).playbook).toBe('prod-only');
    expect(decide(input(), rules).playbook).toBe('unknown-asset');
  });

  it('holds an incident whose trigger fails to evaluate at the default route, instead of trying the next', () => {
    const rules = compileRules(
      settingsWith(),
      [
        route('broken', "event.payload.no_such_key == 'x'", 1),
        route('contain-everything', 'true', 2),
        route('queue-for-review', 'false', 1000),
      ],
      'incident-response-config.yaml',
    );
    const decision = decide(input(), rules);
    expect(decision.playbook).toBe('queue-for-review');
    expect(decision.route.evaluated).toHaveLength(1);
    expect(decision.route.evaluated[0]).toMatchObject({ playbook: 'broken', result: 'error' });
    expect(decision.route.reason).toContain('could not be evaluated');
    expect(decision.degraded).toHaveLength(1);
    expect(decision.degraded[0]).toMatch(/^playbook broken: trigger playbooks\/broken\.yaml:3:10: /);
  });

  it('neutralizes what a failing expression quotes from the event before recording it', () => {
    const event = { ...guardDutyEvent(), payload: { ttl: '\u001b[2Jclick <!channel>' } };
    const rules = compileRules(
      settingsWith(),
      [route('odd', 'duration(event.payload.ttl) > duration("1h")', 1)],
      'incident-response-config.yaml',
    );
    const decision = decide(input({}, event), rules);
    expect(decision.degraded).toHaveLength(1);
    expect([...(decision.degraded[0] ?? '')].some((c) => (c.codePointAt(0) ?? 0) < 0x20)).toBe(false);
    expect(decision.degraded[0]).not.toContain('<!channel>');
  });

  it('tells conditions whether every resource is known, and every environment the assets are in', () => {
    const rules = compileRules(
      settingsWith(),
      [route('all-dev', "asset.all_known && asset.environments.all(e, e == 'dev')", 1)],
      'incident-response-config.yaml',
    );
    const dev = { ...critical.asset, id: 'sandbox', environment: 'dev', criticality: 0.3 };
    const allKnown = { ...critical, asset: dev, assets: [dev], unknown_resources: [] };
    expect(decide(input({ enrichment: allKnown }), rules).playbook).toBe('all-dev');
    // One resource unknown: not every resource is known, whatever the known one says.
    const oneUnknown = { ...allKnown, unknown_resources: ['i-0unknown'] };
    expect(decide(input({ enrichment: oneUnknown }), rules).playbook).toBe('queue-for-review');
    // Unknown when not worked out at all.
    expect(
      decide(input({ enrichment: (({ unknown_resources: _, ...rest }) => rest)(allKnown) }), rules).playbook,
    ).toBe('queue-for-review');
    // A prod asset beside the dev one.
    const both = { ...allKnown, assets: [critical.asset, dev] };
    expect(decide(input({ enrichment: both }), rules).playbook).toBe('queue-for-review');
    // An asset whose environment nobody wrote down counts as null, not as nothing.
    const { environment: _, ...unplaced } = { ...dev, id: 'unplaced' };
    const withUnplaced = { ...allKnown, assets: [dev, unplaced] };
    expect(decide(input({ enrichment: withUnplaced }), rules).playbook).toBe('queue-for-review');
  });

  it('suppresses a match of a rule that has not expired, and ignores an expired one', () => {
    const rule = {
      id: 'pentest',
      when: "event.vendor == 'guardduty'",
      reason: 'Quarterly penetration test',
      owner: 'lead@example.com',
    };
    const active = compileRules(
      settingsWith({ suppressions: [{ ...rule, expires: '2026-11-28' }] }),
      ROUTES,
      'incident-response-config.yaml',
    );
    const suppressed = decide(input(), active);
    expect(suppressed.outcome).toBe('suppressed');
    expect(suppressed.playbook).toBeNull();
    expect(suppressed.suppression).toEqual({
      rule: 'pentest',
      reason: 'Quarterly penetration test',
      owner: 'lead@example.com',
      expires: '2026-11-28',
    });
    expect(suppressed.route.reason).toBe(
      'suppressed by rule pentest (lead@example.com, until 2026-11-28): Quarterly penetration test',
    );
    const expired = compileRules(
      settingsWith({ suppressions: [{ ...rule, expires: '2026-11-27' }] }),
      ROUTES,
      'incident-response-config.yaml',
    );
    expect(decide(input(), expired).outcome).toBe('routed');
  });

  it('aggregates once the fingerprint opened max_incidents incidents within the window', () => {
    const rules = compileRules(
      settingsWith({ aggregation: { max_incidents: 2, window: '1h', max_severity: 'medium' } }),
      ROUTES,
      'incident-response-config.yaml',
    );
    const line = (n: number, opened: string) => ({
      incident: `IR-20261128-0000000${n}`,
      opened,
      openedMs: Date.parse(opened),
    });
    const oneRecent: PastIncidents = {
      ...NO_HISTORY,
      fingerprints: [line(1, '2026-11-28T09:30:00.000Z'), line(2, '2026-11-28T08:00:00.000Z')],
    };
    expect(decide(input({ history: oneRecent }), rules).outcome).toBe('routed');
    const twoRecent: PastIncidents = {
      ...NO_HISTORY,
      fingerprints: [line(1, '2026-11-28T09:30:00.000Z'), line(2, '2026-11-28T09:10:00.000Z')],
    };
    const decision = decide(input({ history: twoRecent }), rules);
    expect(decision.outcome).toBe('aggregated');
    expect(decision.aggregation).toEqual({
      window: '1h',
      max_incidents: 2,
      max_severity: 'medium',
      count: 2,
      recent_incidents: ['IR-20261128-00000001', 'IR-20261128-00000002'],
    });
    // The same history, but triage scores the incident above max_severity: it is routed, not swallowed.
    const serious = decide(input({ history: twoRecent, enrichment: critical }), rules);
    expect(serious.severity).toBe('high');
    expect(serious.outcome).toBe('routed');
    // History counts both incidents in its own 30-day window: 2 of 5.
    expect(decision.score.factors[2]).toMatchObject({ raw: 2, normalized: 0.4 });
  });

  it('counts no history without a history source, and routes nowhere without a default playbook', () => {
    const rules = compileRules(
      settingsWith({ enrichment_sources: [], default_playbook: null }),
      [route('never', 'false')],
      'incident-response-config.yaml',
    );
    const history: PastIncidents = {
      ...NO_HISTORY,
      resources: [
        {
          incident: 'IR-20261128-00000001',
          opened: '2026-11-28T09:00:00.000Z',
          openedMs: Date.parse('2026-11-28T09:00:00.000Z'),
        },
      ],
    };
    const decision = decide(input({ history }), rules);
    expect(decision.score.factors[2]).toMatchObject({ raw: 0, why: 'no history source is configured' });
    expect(decision.outcome).toBe('unrouted');
    expect(decision.playbook).toBeNull();
  });

  it('is the same decision for the same inputs', () => {
    const rules = compileRules(settingsWith(), ROUTES, 'incident-response-config.yaml');
    expect(decide(input({ enrichment: critical }), rules)).toEqual(
      decide(input({ enrichment: critical }), rules),
    );
  });
});

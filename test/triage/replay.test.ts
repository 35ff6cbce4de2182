import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/config/config.js';
import { compileRules, type EnrichmentFacts, type Route } from '../../src/triage/decide.js';
import { compileCondition } from '../../src/triage/expressions.js';
import { replay } from '../../src/triage/replay.js';
import { fixtureFiles } from '../helpers/corpus.js';

const NOTHING: EnrichmentFacts = { asset: null, intel: { score: 0, hits: [] }, providers: [], degraded: [] };
const HOUR = 3_600_000;

function route(id: string, trigger: string, priority = 100): Route {
  return { id, priority, trigger: compileCondition(trigger, `playbooks/${id}.yaml`) };
}

function settings(triage: Partial<Settings['triage']> = {}): Settings {
  const defaults = defaultSettings();
  return {
    ...defaults,
    triage: { ...defaults.triage, enrichment_sources: [{ type: 'history' }], ...triage },
  };
}

const records = readFileSync(fixtureFiles('cloudtrail').find((f) => f.endsWith('records.ndjson')) ?? '');

function line(fields: Record<string, unknown>): string {
  return JSON.stringify({
    timestamp: '2026-11-28T10:00:00Z',
    severity: 'high',
    kind: 'c2',
    title: 'Beacon',
    resource: 'i-0abc',
    actor: 'web',
    ...fields,
  });
}

const options = {
  correlationWindowMs: HOUR,
  enrich: async () => NOTHING,
  now: new Date('2026-11-28T12:00:00Z'),
};

describe('irac replay', () => {
  it('counts every event of a real CloudTrail file per route and severity, writing nothing', async () => {
    const rules = compileRules(
      settings(),
      [
        route('iam-changes', "event.kind.startsWith('iam.amazonaws.com:')", 1),
        route('queue-for-review', 'true', 1000),
      ],
      'config',
    );
    const report = await replay(records, 'records.ndjson', [rules], options);
    const lines = records
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
    expect(report.events + report.duplicates).toBeGreaterThanOrEqual(lines);
    const [tally] = report.tallies;
    const routed = Object.values(tally?.routes ?? {}).reduce((sum, r) => sum + r.events, 0);
    expect(routed).toBe(report.events);
    expect(Object.values(tally?.severities ?? {}).reduce((a, b) => a + b, 0)).toBe(report.events);
    expect(Object.keys(tally?.routes ?? {})).toContain('routed:queue-for-review');
    expect(report.eventsPerSecond).toBeGreaterThan(0);
    expect(report.changes).toEqual([]);
  });

  it('correlates by fingerprint within the window on the events’ own times, and skips re-deliveries', async () => {
    const rules = compileRules(settings(), [route('all', 'true')], 'config');
    const input = Buffer.from(
      [
        line({ id: 'a', timestamp: '2026-11-28T10:00:00Z' }),
        line({ id: 'b', timestamp: '2026-11-28T10:30:00Z' }), // joins a
        line({ id: 'b', timestamp: '2026-11-28T10:30:00Z' }), // the same event again
        line({ id: 'c', timestamp: '2026-11-28T13:00:00Z' }), // past the window: a new incident
        line({ id: 'd', timestamp: '2026-11-28T13:00:00Z', resource: 'i-0other' }),
      ].join('\n'),
    );
    const report = await replay(input, 'events.ndjson', [rules], options);
    expect(report).toMatchObject({ events: 4, duplicates: 1, incidents: 3 });
    expect(report.tallies[0]?.routes).toEqual({ 'routed:all': { events: 4, incidents: 3 } });
  });

  it('aggregates a recurring fingerprint, as the dynamic threshold says', async () => {
    const rules = compileRules(
      settings({ aggregation: { max_incidents: 2, window: '1d', max_severity: 'high' } }),
      [route('all', 'true')],
      'config',
    );
    // Four incidents of one fingerprint, two hours apart: the third and fourth are aggregated.
    const input = Buffer.from(
      [0, 2, 4, 6]
        .map((h) => line({ id: `e${h}`, timestamp: `2026-11-28T${String(h).padStart(2, '0')}:00:00Z` }))
        .join('\n'),
    );
    const report = await replay(input, 'events.ndjson', [rules], options);
    expect(report.tallies[0]).toMatchObject({
      aggregated: 2,
      routes: { aggregated: { events: 2, incidents: 2 }, 'routed:all': { events: 2, incidents: 2 } },
    });
  });

  it('decides every event under both rule sets and lists the events whose route changes', async () => {
    const before = compileRules(
      settings(),
      [route('investigate', "severity == 'high'"), route('queue', 'true', 1000)],
      'base',
    );
    const after = compileRules(
      settings({
        suppressions: [
          {
            id: 'lab',
            when: "event.resource == 'i-0lab'",
            reason: 'lab box',
            owner: 'me',
            expires: '2027-01-01',
          },
        ],
      }),
      [route('investigate', "severity == 'high'"), route('queue', 'true', 1000)],
      'working tree',
    );
    const input = Buffer.from(
      [line({ id: 'a', resource: 'i-0lab' }), line({ id: 'b', resource: 'i-0prod' })].join('\n'),
    );
    const report = await replay(input, 'events.ndjson', [before, after], options);
    expect(report.changed).toBe(1);
    expect(report.changes).toEqual([
      {
        origin: 'events.ndjson:1',
        event: expect.stringMatching(/^generic-[0-9a-f]{32}$/),
        kind: 'c2',
        resource: 'i-0lab',
        before: 'routed:queue',
        after: 'suppressed',
        unreviewed_before: [],
        unreviewed_after: [],
      },
    ]);
    expect(report.tallies[1]?.suppressed).toBe(1);
  });

  it('lists an event whose route stays but whose playbook would now contain it without a reviewer', async () => {
    const contain = (unreviewed: readonly string[]): Route => ({
      ...route('contain', 'true'),
      unreviewed: () => unreviewed,
    });
    const before = compileRules(settings(), [contain([])], 'base');
    const after = compileRules(settings(), [contain(['isolate:aws:ec2.isolate_instance'])], 'working tree');
    const report = await replay(Buffer.from(line({ id: 'a' })), 'events.ndjson', [before, after], options);
    expect(report.changed).toBe(1);
    expect(report.changes[0]).toMatchObject({
      before: 'routed:contain',
      after: 'routed:contain',
      unreviewed_before: [],
      unreviewed_after: ['isolate:aws:ec2.isolate_instance'],
    });
  });

  it('rejects a malformed line with its line number, before deciding anything more', async () => {
    const rules = compileRules(settings(), [route('all', 'true')], 'config');
    const input = Buffer.from(`${line({ id: 'a' })}\n{"broken": \n`);
    await expect(replay(input, 'events.ndjson', [rules], options)).rejects.toThrow(/^events\.ndjson:2/);
  });
});

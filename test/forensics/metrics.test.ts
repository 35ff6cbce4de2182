// `irac metrics`, the arithmetic: hand-built audit trails whose durations are known to the second, so
// every median, 90th percentile and breach below can be checked by hand.

import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  type IncidentRecord,
  incidentTimes,
  percentile,
  renderStoreReadme,
  slaMs,
  storeMetrics,
} from '../../src/forensics/metrics.js';
import type { JsonObject } from '../../src/json.js';
import { shippedCatalogue } from '../../src/playbooks/catalogue.js';
import { type AuditEntry, nextEntry } from '../../src/store/audit.js';
import type { EscalationMatrix, Incident, Severity } from '../../src/types.js';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const MINUTE = 60_000;

const catalogue = shippedCatalogue();
const isDestructive = (action: string) => catalogue.get(action)?.destructive ?? false;

/** The shipped template's matrix: critical 5m + 15m, high 30m; nothing for medium and low. */
const MATRIX: EscalationMatrix = {
  critical: [
    { role: 'security_engineer', timeout: '5m' },
    { role: 'security_lead', timeout: '15m' },
  ],
  high: [{ role: 'security_engineer', timeout: '30m' }],
};

let serial = 0;
function incidentId(): string {
  serial += 1;
  return `IR-20260302-${String(serial).padStart(8, '0')}`;
}

interface Story {
  severity?: Severity;
  playbook?: string | null;
  decision?: Incident['decision'];
  /** Minutes after T0 the vendor saw each event (one ingest entry per event, a minute apart). */
  detected?: number[];
  ingested?: number;
  /** Minutes after T0 of: a reviewer's approval, an ack, the destructive step verified, the resolution. */
  approved?: number;
  acked?: number;
  contained?: number;
  resolved?: number;
}

/** An incident and its audit chain, built the way ingest, execute and resolve write them. */
function incidentOf(story: Story): IncidentRecord {
  const id = incidentId();
  const ingested = story.ingested ?? 0;
  const items: { minute: number; action: string; data: JsonObject }[] = [];
  (story.detected ?? [ingested]).forEach((minute, index) => {
    items.push({
      minute: ingested + index,
      action: 'ingest',
      data: { event: `generic-${index}`, joined: index > 0, timestamp: at(minute), severity: 'high' },
    });
  });
  items.push({ minute: ingested + 0.5, action: 'triage', data: { summary: 'routed' } });
  if (story.approved !== undefined) {
    items.push({
      minute: story.approved,
      action: 'step',
      data: {
        step: 'isolate',
        action: 'aws:ec2.isolate_instance',
        state: 'running',
        live: true,
        approved_by: 'alice',
      },
    });
  }
  if (story.acked !== undefined) items.push({ minute: story.acked, action: 'ack', data: { by: 'bob' } });
  if (story.contained !== undefined) {
    // A notification that succeeds first is not containment; a failed isolation is not either.
    items.push({
      minute: story.contained - 0.5,
      action: 'step',
      data: {
        step: 'notify',
        action: 'slack:post_message',
        state: 'succeeded',
        live: true,
        verified: 'posted',
      },
    });
    items.push({
      minute: story.contained - 0.25,
      action: 'step',
      data: {
        step: 'isolate',
        action: 'aws:ec2.isolate_instance',
        state: 'failed',
        live: true,
        error: 'boom',
      },
    });
    items.push({
      minute: story.contained,
      action: 'step',
      data: {
        step: 'isolate',
        action: 'aws:ec2.isolate_instance',
        state: 'succeeded',
        live: true,
        verified: 'isolated',
      },
    });
  }
  if (story.resolved !== undefined)
    items.push({ minute: story.resolved, action: 'resolve', data: { note: 'done' } });
  items.sort((a, b) => a.minute - b.minute);
  let text = '';
  const entries: AuditEntry[] = [];
  for (const item of items) {
    const { entry, line } = nextEntry(text, {
      at: at(item.minute),
      actor: 'tester',
      action: item.action,
      incident: id,
      data: item.data,
    });
    text += line;
    entries.push(entry);
  }
  const incident: Incident = {
    id,
    title: `Incident ${id}`,
    status: story.resolved !== undefined ? 'resolved' : story.contained !== undefined ? 'contained' : 'open',
    severity: story.severity ?? 'high',
    score: 0.5,
    playbook: story.playbook === undefined ? 'aws-compromised-ec2-instance' : story.playbook,
    decision: story.decision === undefined ? 'routed' : story.decision,
    fingerprint: 'a'.repeat(64),
    timestamps: {
      detected: at(Math.min(...(story.detected ?? [ingested]))),
      opened: at(ingested),
      updated: at(items.at(-1)?.minute ?? ingested),
      acknowledged: null,
      triaged: at(ingested + 0.5),
      contained: story.contained === undefined ? null : at(story.contained),
      resolved: story.resolved === undefined ? null : at(story.resolved),
    },
    events: (story.detected ?? [ingested]).length,
    vendors: ['generic'],
    kinds: ['test'],
    resources: ['r'],
    actors: [],
    accounts: [],
    approvals: [],
    notifications: {},
  };
  return { incident, entries };
}

const options = { escalationMatrix: MATRIX, isDestructive };

describe('incidentTimes', () => {
  it('takes each moment from the audit trail: earliest vendor time, first entry, first approval, first verified destructive step, resolution', () => {
    // The second event was seen by its vendor before the first, but arrived later.
    const record = incidentOf({ detected: [-3, -10], ingested: 0, approved: 4, contained: 6, resolved: 60 });
    const times = incidentTimes(record, isDestructive);
    expect(times).toMatchObject({
      detected: at(-10),
      ingested: at(0),
      approved: at(4),
      acknowledged: at(4),
      contained: at(6),
      resolved: at(60),
      durations: { mttd: 10 * MINUTE, mtta: 4 * MINUTE, mttc: 6 * MINUTE, mttr: 60 * MINUTE },
    });
  });

  it('leaves approval and containment null for an incident nobody approved, and acknowledges it at its resolution', () => {
    const times = incidentTimes(incidentOf({ ingested: 0, resolved: 45 }), isDestructive);
    expect(times?.approved).toBeNull();
    expect(times?.contained).toBeNull();
    expect(times?.acknowledged).toBe(at(45));
    expect(times?.durations).toEqual({ mttd: 0, mtta: null, mttc: null, mttr: 45 * MINUTE });
  });

  it('counts a step as containment only when its action is destructive and its read-back held', () => {
    const record = incidentOf({ ingested: 0 });
    const notify = nextEntry(record.entries.map((e) => `${JSON.stringify(e)}\n`).join(''), {
      at: at(3),
      actor: 'tester',
      action: 'step',
      incident: record.incident.id,
      data: { step: 'notify', action: 'slack:post_message', state: 'succeeded', live: true, verified: 'ok' },
    }).entry;
    const times = incidentTimes({ ...record, entries: [...record.entries, notify] }, isDestructive);
    expect(times?.contained).toBeNull();
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks: the median of an even count is the mean of the middle two', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(3); // 2.5 rounded to whole ms
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.5)).toBe(55);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
  });
});

describe('storeMetrics', () => {
  it('is all zeros and no breaches for an empty store', () => {
    const metrics = storeMetrics([], options);
    expect(metrics).toMatchObject({
      as_of: null,
      incidents: 0,
      breaches: [],
      open: [],
      by_severity: [],
      by_playbook: [],
    });
    expect(metrics.overall.mtta).toEqual({ count: 0, median_ms: null, p90_ms: null });
    expect(renderStoreReadme(metrics)).toContain('_No incidents._');
  });

  it('gives median and p90 overall, per severity and per playbook, each over the incidents that have the measure', () => {
    // Five high incidents approved after 1..5 minutes; one critical approved after 10; one low never.
    const records = [
      ...[1, 2, 3, 4, 5].map((minutes, index) =>
        incidentOf({
          severity: 'high',
          ingested: index * 100,
          approved: index * 100 + minutes,
          detected: [index * 100 - 2],
        }),
      ),
      incidentOf({
        severity: 'critical',
        playbook: 'aws-compromised-iam-credentials',
        ingested: 600,
        approved: 610,
        contained: 612,
        resolved: 700,
      }),
      incidentOf({ severity: 'low', playbook: null, decision: 'unrouted', ingested: 800 }),
    ];
    const metrics = storeMetrics(records, options);
    expect(metrics.incidents).toBe(7);
    expect(metrics.overall.mtta).toEqual({ count: 6, median_ms: 3.5 * MINUTE, p90_ms: 7.5 * MINUTE });
    expect(metrics.overall.mttd).toEqual({ count: 7, median_ms: 2 * MINUTE, p90_ms: 2 * MINUTE });
    const high = metrics.by_severity.find((g) => g.key === 'high');
    expect(high?.incidents).toBe(5);
    expect(high?.mtta).toEqual({ count: 5, median_ms: 3 * MINUTE, p90_ms: 4.6 * MINUTE });
    expect(high?.mttc.count).toBe(0);
    expect(metrics.by_severity.map((g) => [g.key, g.incidents])).toEqual([
      ['critical', 1],
      ['high', 5],
      ['low', 1],
    ]);
    expect(metrics.by_playbook.map((g) => [g.key, g.incidents])).toEqual([
      ['aws-compromised-ec2-instance', 5],
      ['aws-compromised-iam-credentials', 1],
      [null, 1],
    ]);
    const iam = metrics.by_playbook.find((g) => g.key === 'aws-compromised-iam-credentials');
    expect(iam?.mttc).toEqual({ count: 1, median_ms: 12 * MINUTE, p90_ms: 12 * MINUTE });
    expect(iam?.mttr).toEqual({ count: 1, median_ms: 100 * MINUTE, p90_ms: 100 * MINUTE });
  });

  it('reports an SLA breach when the acknowledgement came after the whole chain, and a pending one as of the newest entry', () => {
    const records = [
      // critical: chain 5m + 15m = 20m. Approved after 25m: late by 5m.
      incidentOf({ severity: 'critical', ingested: 0, approved: 25 }),
      // critical, acknowledged by `ack` after 19m, approved later: within the SLA.
      incidentOf({ severity: 'critical', ingested: 0, acked: 19, approved: 40 }),
      // high: 30m. Nobody acknowledged it; the store's newest entry is at 200m: pending, late by 170m.
      incidentOf({ severity: 'high', ingested: 0 }),
      // high but suppressed: pages nobody, has no SLA.
      incidentOf({ severity: 'high', decision: 'suppressed', ingested: 0 }),
      // medium has no chain in the matrix: no SLA.
      incidentOf({ severity: 'medium', ingested: 0, resolved: 200 }),
    ];
    const metrics = storeMetrics(records, options);
    expect(metrics.as_of).toBe(at(200));
    expect(metrics.breaches).toEqual([
      {
        incident: records[0]?.incident.id,
        severity: 'critical',
        playbook: 'aws-compromised-ec2-instance',
        ingested: at(0),
        deadline: at(20),
        sla_ms: 20 * MINUTE,
        acknowledged: at(25),
        acknowledged_by: 'approval',
        late_ms: 5 * MINUTE,
        pending: false,
      },
      {
        incident: records[2]?.incident.id,
        severity: 'high',
        playbook: 'aws-compromised-ec2-instance',
        ingested: at(0),
        deadline: at(30),
        sla_ms: 30 * MINUTE,
        acknowledged: null,
        acknowledged_by: null,
        late_ms: 170 * MINUTE,
        pending: true,
      },
    ]);
    expect(slaMs(MATRIX, 'medium')).toBeUndefined();
  });

  it('keeps only incidents ingested since the date, and lists open ones newest first', () => {
    const records = [
      incidentOf({ ingested: 0, resolved: 10 }),
      incidentOf({ ingested: 100 }),
      incidentOf({ ingested: 200, contained: 210 }),
    ];
    const metrics = storeMetrics(records, { ...options, sinceMs: Date.parse(at(50)) });
    expect(metrics.incidents).toBe(2);
    expect(metrics.since).toBe(at(50));
    expect(metrics.open.map((t) => t.id)).toEqual([records[2]?.incident.id, records[1]?.incident.id]);
  });
});

describe('renderStoreReadme', () => {
  it('shows open incidents, breaches, a pie of severities and the response times, with untrusted text inert', () => {
    const hostile = incidentOf({ severity: 'critical', ingested: 0 });
    const record = {
      ...hostile,
      incident: { ...hostile.incident, title: 'pwn | <img src=x> `x` @here [link](http://evil)' },
    };
    const readme = renderStoreReadme(
      storeMetrics([record, incidentOf({ severity: 'low', ingested: 1, resolved: 5 })], options),
    );
    expect(readme).toContain('## Open incidents (1)');
    expect(readme).toContain('## SLA breaches (0)');
    expect(readme).toContain(
      'pie showData title Incidents per severity\n    "critical" : 1\n    "low" : 1\n',
    );
    // The title is one code span, its pipe escaped for the table, its tag and mention defused.
    expect(readme).toContain('``pwn \\| ‹img src=x› `x` ＠here [link](http://evil)``');
    expect(readme).not.toContain('<img');
    expect(readme).toContain(`[${record.incident.id}](2026/03/${record.incident.id}/README.md)`);
    // The same metrics render the same bytes.
    expect(renderStoreReadme(storeMetrics([record], options))).toBe(
      renderStoreReadme(storeMetrics([record], options)),
    );
  });
});

describe('formatDuration', () => {
  it('reads as people say it', () => {
    expect([850, 42_000, 252_000, 3_900_000, 183_600_000, -12_000].map(formatDuration)).toEqual([
      '850ms',
      '42s',
      '4m 12s',
      '1h 05m',
      '2d 03h',
      '-12s',
    ]);
  });
});

// The post-incident report as a pure function of an incident's trail, and its evidence manifest read from
// a real store, where a file altered by hand shows.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  formatDuration,
  noteRemediation,
  type ReportInput,
  readReportInput,
} from '../../src/forensics/report.js';
import type { TimelineItem } from '../../src/forensics/timeline.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import type { JsonObject } from '../../src/json.js';
import { type AuditEntry, nextEntry } from '../../src/store/audit.js';
import { Git } from '../../src/store/git.js';
import { openIncident } from '../../src/store/incident.js';
import { rawFile } from '../../src/store/layout.js';
import { recordEvents } from '../../src/store/record.js';
import { IncidentRepository } from '../../src/store/repository.js';
import type { SecurityEvent } from '../../src/types.js';
import { git, scratchRepo } from '../helpers/git.js';

const ID = 'IR-20260301-abcdefgh';
const PLAN = 'a'.repeat(64);
// A title as an attacker would write it: a link, a mention, a pipe that would split a table row.
const TITLE = 'Beacon [click](https://evil.example) @security-team | `x` <img src=x>';

function chain(records: readonly [at: string, action: string, data: JsonObject][]): AuditEntry[] {
  let text = '';
  const entries: AuditEntry[] = [];
  for (const [at, action, data] of records) {
    const { entry, line } = nextEntry(text, { at, actor: 'responder', action, incident: ID, data });
    text += line;
    entries.push(entry);
  }
  return entries;
}

const step = (name: string, state: string, extra: JsonObject = {}): JsonObject => ({
  step: name,
  action: 'aws:ec2.isolate_instance',
  state,
  plan: PLAN,
  live: true,
  ...extra,
});

function input(entries: AuditEntry[], overrides: Partial<ReportInput> = {}): ReportInput {
  const event = {
    id: 'generic-0123456789abcdef0123456789abcdef',
    timestamp: '2026-03-01T09:58:00.000Z',
    title: TITLE,
    severity: 'high',
    fingerprint: 'f'.repeat(64),
    resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
  } as unknown as SecurityEvent;
  const incident = {
    ...openIncident(ID, event, '2026-03-01T10:00:00.000Z'),
    status: 'contained' as const,
  };
  incident.timestamps.contained = '2026-03-01T10:07:00.000Z';
  const timeline: TimelineItem[] = entries.map((entry) => ({
    at: entry.at,
    what: entry.action,
    actor: entry.actor,
    data: entry.data,
    seq: entry.seq,
    commit: `${entry.seq}`.padStart(40, 'c'),
  }));
  return { incident, entries, timeline, files: [], integrity: [], ...overrides };
}

const story = () =>
  chain([
    [
      '2026-03-01T10:00:00.000Z',
      'ingest',
      { event: 'e', title: TITLE, timestamp: '2026-03-01T09:58:00.000Z' },
    ],
    [
      '2026-03-01T10:01:00.000Z',
      'triage',
      { summary: 'high', degraded: ['abuseipdb: HTTP 429 after 3 attempts'] },
    ],
    ['2026-03-01T10:02:00.000Z', 'plan', { summary: 'planned', plan_sha256: PLAN }],
    [
      '2026-03-01T10:03:00.000Z',
      'dry-run',
      {
        plan: PLAN,
        steps: [
          { step: 'isolate', result: 'would-run', detail: 'two interfaces', calls: [] },
          { step: 'block-ip', result: 'not-checked', detail: 'no credentials for account 2222', calls: [] },
        ],
      },
    ],
    [
      '2026-03-01T10:05:00.000Z',
      'step',
      step('isolate', 'running', { approved_by: 'alice', approved_plan: PLAN }),
    ],
    [
      '2026-03-01T10:06:00.000Z',
      'step',
      step('isolate', 'failed', { error: 'ec2:ModifyNetworkInterfaceAttribute: HTTP 503', detail: 'x' }),
    ],
    [
      '2026-03-01T10:06:30.000Z',
      'step',
      step('isolate', 'running', { approved_by: 'alice', approved_plan: PLAN }),
    ],
    [
      '2026-03-01T10:07:00.000Z',
      'step',
      step('isolate', 'succeeded', {
        calls: [
          { call: 'ec2:ModifyNetworkInterfaceAttribute', target: 'eni-1', effect: 'groups → irac-isolation' },
        ],
        verified: 'eni-1: [sg-iso]',
      }),
    ],
    [
      '2026-03-01T10:08:00.000Z',
      'step',
      step('snapshot', 'failed', { error: 'ec2:CreateSnapshots: quota exceeded' }),
    ],
  ]);

describe('buildReport', () => {
  it('measures each milestone from the vendor time and from ingest, from the trail alone', () => {
    const report = buildReport(input(story()));
    expect(report.milestones).toEqual([
      { name: 'detected', at: '2026-03-01T09:58:00.000Z' },
      { name: 'ingested', at: '2026-03-01T10:00:00.000Z' },
      { name: 'triaged', at: '2026-03-01T10:01:00.000Z' },
      { name: 'approved', at: '2026-03-01T10:05:00.000Z' },
      { name: 'contained', at: '2026-03-01T10:07:00.000Z' },
      { name: 'resolved', at: null },
    ]);
    expect(report.markdown).toContain('| approved | 2026-03-01 10:05:00Z | 7m 00s | 5m 00s |');
  });

  it('lists each approval with the plan hash it was bound to, and each action with its API calls', () => {
    const report = buildReport(input(story()));
    expect(report.approvals.map((approval) => [approval.by, approval.step, approval.matches_plan])).toEqual([
      ['alice', 'isolate', true],
      ['alice', 'isolate', true],
    ]);
    expect(report.actions.map((action) => [action.step, action.state])).toEqual([
      ['isolate', 'failed'],
      ['isolate', 'succeeded'],
      ['snapshot', 'failed'],
    ]);
    expect(report.markdown).toContain('`ec2:ModifyNetworkInterfaceAttribute eni-1: groups → irac-isolation`');
    expect(report.markdown).toContain(`\`${PLAN}\``);
  });

  it('derives tooling failures and remediation items from failed steps, degraded enrichment and the dry run', () => {
    const report = buildReport(input(story()));
    expect(report.tooling_failures).toHaveLength(4);
    expect(report.remediation).toEqual([
      {
        text: 'Fix why step snapshot (aws:ec2.isolate_instance) failed: ec2:CreateSnapshots: quota exceeded',
        source: 'failed step',
      },
      {
        text: 'Make step block-ip checkable in a dry run: no credentials for account 2222',
        source: 'dry run',
      },
      {
        text: 'Restore triage enrichment: abuseipdb: HTTP 429 after 3 attempts',
        source: 'degraded enrichment',
      },
    ]);
    // The step that failed once and then succeeded worked; only its failed attempt is a tooling failure.
    expect(report.worked.some((line) => line.startsWith('`isolate`'))).toBe(true);
    expect(report.did_not).toContain('the incident is still contained');
  });

  it('adds the remediation list of a resolve note', () => {
    const entries = chain([
      ['2026-03-01T10:00:00.000Z', 'ingest', { event: 'e', timestamp: '2026-03-01T09:58:00.000Z' }],
      [
        '2026-03-01T11:00:00.000Z',
        'resolve',
        {
          note: 'Rebuilt from a clean AMI.\nremediation:\n- Pin the base image\n* Alert on mining pools\nThanks all',
        },
      ],
    ]);
    expect(noteRemediation(entries)).toEqual(['Pin the base image', 'Alert on mining pools']);
    expect(buildReport(input(entries)).remediation.map((item) => [item.text, item.source])).toEqual([
      ['Pin the base image', 'note'],
      ['Alert on mining pools', 'note'],
    ]);
  });

  it('renders every untrusted value inert: code spans in Markdown, a plain alphabet in Mermaid', () => {
    const { markdown } = buildReport(input(story()));
    expect(markdown.split('\n')[0]).toBe(
      `# Post-incident report: ${ID} — \`\`Beacon [click](https://evil.example) @security-team | \`x\` ‹img src=x›\`\``,
    );
    expect(markdown).toContain(
      '| 2026-03-01 10:00:00Z | ingest | `responder` | ``Beacon [click](https://evil.example) @security-team \\| `x` ‹img src=x›`` | `cccccccccccc` |',
    );
    const start = markdown.indexOf('```mermaid\n') + '```mermaid\n'.length;
    const mermaid = markdown.slice(start, markdown.indexOf('```', start));
    expect(mermaid).toContain('10∶00 : ingest - Beacon click (https //evil.example) @security-te...');
    expect(mermaid.replaceAll(' : ', ' ')).not.toMatch(/[[\]<>|`:#;]/);
  });

  it('renders a tampered triage.json inert, and one that is not a decision without crashing', () => {
    const decision = {
      severity: 'high [x](https://evil.example)',
      event_severity: '<b>low</b>',
      score: {
        value: 0.8125,
        threshold: { severity: '@security-team | high', at: 0.75 },
        factors: [
          {
            name: '**bold** | name',
            raw: 3,
            normalized: 0.5,
            weight: 0.25,
            contribution: 0.125,
            why: 'three sightings',
          },
        ],
      },
      route: { reason: 'matched' },
      degraded: ['intel: timeout'],
    };
    const { markdown, tooling_failures } = buildReport(input(story(), { decision }));
    expect(markdown).toContain(
      '**Severity `high [x](https://evil.example)`** (the events said `‹b›low‹/b›`), score 0.81 ≥ `@security-team | high` threshold 0.75.',
    );
    expect(markdown).toContain('| `**bold** \\| name` | `3` | 0.50 | 0.25 | 0.13 | `three sightings` |');
    expect(tooling_failures).toContain('triage enrichment degraded: `intel: timeout`');

    const broken = { ...decision, score: { ...decision.score, value: '0.8; DROP' }, degraded: 'all' };
    const report = buildReport(input(story(), { decision: broken }));
    expect(report.markdown).toContain(
      '`triage.json` does not hold a decision in the shape irac writes; see the evidence manifest.',
    );
    expect(report.tooling_failures).not.toContain('triage enrichment degraded: `a`');
    expect(report.markdown).not.toContain('0.8; DROP');
  });

  it('renders the same bytes from the same trail', () => {
    expect(buildReport(input(story())).markdown).toBe(buildReport(input(story())).markdown);
  });
});

describe('formatDuration', () => {
  it('reads like a responder would say it', () => {
    expect([4200, 42_000, 425_000, 3 * 3_600_000 + 12 * 60_000, 52 * 3_600_000].map(formatDuration)).toEqual([
      '4.2s',
      '42s',
      '7m 05s',
      '3h 12m',
      '2d 4h',
    ]);
  });
});

describe('readReportInput', () => {
  it('lists every file of the incident with its sha256, and names the one altered by hand', async () => {
    const dir = scratchRepo();
    const repository = await IncidentRepository.open(dir);
    const payload = JSON.stringify({
      id: 'one',
      timestamp: '2026-03-01T10:00:00Z',
      severity: 'high',
      kind: 'okta.impossible_travel',
      title: 'Travel',
      resource: 'okta:user/jdoe',
    });
    const items = [...normalizeWithEvidence(Buffer.from(payload), { source: 'generic' })];
    const applied = await repository.apply(
      (tx) =>
        recordEvents(tx, items, {
          actor: 'analyst',
          correlationWindowMs: 3_600_000,
          now: () => new Date('2026-03-01T10:05:00Z'),
        }),
      { pushAttempts: 1, backoffBaseMs: 0, backoffMaxMs: 0 },
    );
    const id = applied.result[0]?.incident ?? '';
    const verify = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };

    const clean = buildReport(await readReportInput(new Git(dir), id, verify));
    expect(clean.manifest.map((file) => [file.path.split('/').slice(4).join('/'), file.problems])).toEqual([
      ['README.md', []],
      ['audit.jsonl', []],
      [expect.stringMatching(/^events\/generic-[0-9a-f]{32}\.json$/), []],
      [expect.stringMatching(/^events\/generic-[0-9a-f]{32}\.raw\.json$/), []],
      ['incident.yaml', []],
    ]);
    expect(clean.manifest[3]?.recorded).toBe('raw_sha256 of entry 1');

    const event = items[0]?.event.id ?? '';
    writeFileSync(join(dir, rawFile(id, event)), '{"tampered": true}\n');
    git(dir, 'commit', '--quiet', '-am', 'tidy the evidence');
    const tampered = buildReport(await readReportInput(new Git(dir), id, verify));
    const raw = tampered.manifest.find((file) => file.path === rawFile(id, event));
    expect(raw?.problems.join('\n')).toMatch(
      /sha256 .* is not the .* recorded at .*audit\.jsonl:1 \(altered\)/,
    );
    expect(tampered.remediation.some((item) => item.source === 'integrity')).toBe(true);
    expect(tampered.markdown).toMatch(/checked by `irac verify`: \*\*\d+ problems?\*\*/);
  });
});

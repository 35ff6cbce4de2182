// `irac metrics`: how fast the team detects, acknowledges, contains and resolves, computed only from
// what the store holds — each incident's incident.yaml and audit.jsonl — so anyone with a clone gets
// the same numbers. Pure: the store is read elsewhere (metrics-store.ts); nothing here looks at a clock.
//
// The moments of one incident, each from its audit trail:
// - detected: the earliest vendor timestamp among its events (the `timestamp` of each `ingest` entry);
// - ingested: its first audit entry (the `ingest` that opened it);
// - approved: the first entry carrying `approved_by` (a reviewer let a step run: `step` running);
// - acknowledged: the first of an `ack` entry, that approval, or the `resolve` entry — whichever came
//   first, someone had taken the incident on;
// - contained: the first `step` entry that is `succeeded`, live, with a read-back that held (`verified`),
//   of a destructive action — the same moment `irac execute` stamps incident.yaml's `contained`;
// - resolved: the `resolve` entry.
// MTTD = ingested − detected (a vendor clock ahead of irac's makes it negative; it is kept, not hidden),
// MTTA = approved − ingested, MTTC = contained − ingested, MTTR = resolved − ingested. Each is summarised
// by its count, median and 90th percentile (linear interpolation between closest ranks, as numpy's and
// Excel's PERCENTILE.INC; the median is the 50th), over all incidents, per severity and per playbook.
//
// SLA: the escalation matrix gives each severity a chain of roles, each with a timeout; the whole chain
// is the time the last role has to acknowledge. The clock starts when the incident reached its current
// severity (severitySince, the same start `irac escalate` pages from: ingest, unless a later event or
// triage raised it). An incident breaches when it was acknowledged later than that after the start, or
// is still unacknowledged that long after it as of the store's own latest audit entry (`pending`).
// Severities without a chain have no SLA; suppressed and aggregated incidents page nobody and have
// none either.

import { durationMs } from '../config/config.js';
import { severitySince } from '../escalate/schedule.js';
import type { JsonObject } from '../json.js';
import type { AuditEntry } from '../store/audit.js';
import { INCIDENTS_DIR, incidentDir } from '../store/layout.js';
import { codeSpan, mermaidText, NOTHING, tableRow } from '../store/markdown.js';
import type { EscalationMatrix, Incident, Severity } from '../types.js';

/** One incident as the store holds it: incident.yaml and its audit entries in chain order. */
export interface IncidentRecord {
  readonly incident: Incident;
  readonly entries: readonly AuditEntry[];
}

export interface MetricsOptions {
  readonly escalationMatrix: EscalationMatrix;
  /** Whether the action a step runs (`aws:ec2.isolate_instance`) is destructive: the catalogue says. */
  readonly isDestructive: (action: string) => boolean;
  /** Only incidents ingested at or after this time (epoch ms). */
  readonly sinceMs?: number | undefined;
}

export const MEASURES = ['mttd', 'mtta', 'mttc', 'mttr'] as const;
export type Measure = (typeof MEASURES)[number];

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** The moments of one incident (RFC 3339, as recorded), null where it has not happened. */
export interface IncidentTimes {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly playbook: string | null;
  readonly status: Incident['status'];
  readonly decision: Incident['decision'];
  readonly detected: string | null;
  readonly ingested: string;
  readonly approved: string | null;
  readonly acknowledged: string | null;
  readonly contained: string | null;
  readonly resolved: string | null;
  /** The four measures of this incident, in milliseconds; null where a moment is missing. */
  readonly durations: Readonly<Record<Measure, number | null>>;
}

export interface Summary {
  readonly count: number;
  readonly median_ms: number | null;
  readonly p90_ms: number | null;
}

export interface Group {
  /** `all`, a severity, or a playbook id (null: incidents no playbook was chosen for). */
  readonly key: string | null;
  readonly incidents: number;
  readonly mttd: Summary;
  readonly mtta: Summary;
  readonly mttc: Summary;
  readonly mttr: Summary;
}

export interface Breach {
  readonly incident: string;
  readonly severity: Severity;
  readonly playbook: string | null;
  readonly ingested: string;
  /** When the incident reached its severity (ingest, or a later raise) + the chain's total timeout. */
  readonly deadline: string;
  readonly sla_ms: number;
  /** When someone took it on, and how (`ack`, `approval`, `resolve`); null while nobody has. */
  readonly acknowledged: string | null;
  readonly acknowledged_by: 'ack' | 'approval' | 'resolve' | null;
  /** How far past the deadline: the acknowledgement, or the store's latest entry when pending. */
  readonly late_ms: number;
  readonly pending: boolean;
}

export interface StoreMetrics {
  /** The newest audit entry in the whole store: the time the numbers are as of. Null when empty. */
  readonly as_of: string | null;
  readonly since: string | null;
  readonly incidents: number;
  readonly overall: Group;
  readonly by_severity: readonly Group[];
  readonly by_playbook: readonly Group[];
  readonly breaches: readonly Breach[];
  /** Incidents not resolved, newest first. */
  readonly open: readonly IncidentTimes[];
  readonly times: readonly IncidentTimes[];
}

// ---- one incident ----

function stringAt(data: JsonObject, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function ms(at: string | null | undefined): number | undefined {
  if (at === null || at === undefined) return undefined;
  const value = Date.parse(at);
  return Number.isNaN(value) ? undefined : value;
}

/** The earliest of several times, as written; null when there is none. */
function earliest(times: readonly (string | undefined)[]): string | null {
  let best: string | null = null;
  for (const at of times) {
    if (at === undefined || ms(at) === undefined) continue;
    if (best === null || (ms(at) as number) < (ms(best) as number)) best = at;
  }
  return best;
}

function firstEntry(
  entries: readonly AuditEntry[],
  holds: (entry: AuditEntry) => boolean,
): string | undefined {
  return earliest(entries.filter(holds).map((entry) => entry.at)) ?? undefined;
}

function between(from: string | null, to: string | null): number | null {
  const start = ms(from);
  const end = ms(to);
  return start === undefined || end === undefined ? null : end - start;
}

/** The moments of one incident from its audit trail; undefined when it has no entries to start from. */
export function incidentTimes(
  { incident, entries }: IncidentRecord,
  isDestructive: (action: string) => boolean,
): IncidentTimes | undefined {
  const ingested = entries[0]?.at;
  if (ingested === undefined || ms(ingested) === undefined) return undefined;
  const detected = earliest(
    entries.filter((e) => e.action === 'ingest').map((e) => stringAt(e.data, 'timestamp')),
  );
  const approved = firstEntry(entries, (e) => stringAt(e.data, 'approved_by') !== undefined) ?? null;
  const resolved = firstEntry(entries, (e) => e.action === 'resolve') ?? null;
  const acked = firstEntry(entries, (e) => e.action === 'ack');
  const contained =
    firstEntry(
      entries,
      (e) =>
        e.action === 'step' &&
        e.data.state === 'succeeded' &&
        e.data.live === true &&
        stringAt(e.data, 'verified') !== undefined &&
        isDestructive(stringAt(e.data, 'action') ?? ''),
    ) ?? null;
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    playbook: incident.playbook,
    status: incident.status,
    decision: incident.decision,
    detected,
    ingested,
    approved,
    acknowledged: earliest([acked, approved ?? undefined, resolved ?? undefined]),
    contained,
    resolved,
    durations: {
      mttd: between(detected, ingested),
      mtta: between(ingested, approved),
      mttc: between(ingested, contained),
      mttr: between(ingested, resolved),
    },
  };
}

// ---- summaries ----

/** The p-th percentile (0..1) of sorted values, interpolated between closest ranks; whole ms. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const below = sorted[low] as number;
  const above = sorted[high] as number;
  return Math.round(below + (above - below) * (rank - low));
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median_ms: percentile(sorted, 0.5), p90_ms: percentile(sorted, 0.9) };
}

function group(key: string | null, times: readonly IncidentTimes[]): Group {
  const of = (measure: Measure) =>
    summarize(times.flatMap((t) => (t.durations[measure] === null ? [] : [t.durations[measure] as number])));
  return {
    key,
    incidents: times.length,
    mttd: of('mttd'),
    mtta: of('mtta'),
    mttc: of('mttc'),
    mttr: of('mttr'),
  };
}

// ---- SLA ----

/** The time the whole escalation chain of a severity allows; undefined when it has none. */
export function slaMs(matrix: EscalationMatrix, severity: Severity): number | undefined {
  const chain = matrix[severity];
  if (!chain || chain.length === 0) return undefined;
  return chain.reduce((total, step) => total + durationMs(step.timeout), 0);
}

function acknowledgedBy(times: IncidentTimes, acks: readonly AuditEntry[]): Breach['acknowledged_by'] {
  if (times.acknowledged === null) return null;
  if (times.acknowledged === times.approved) return 'approval';
  if (acks.some((entry) => entry.at === times.acknowledged)) return 'ack';
  return 'resolve';
}

function breachOf(
  times: IncidentTimes,
  entries: readonly AuditEntry[],
  matrix: EscalationMatrix,
  asOfMs: number,
): Breach | undefined {
  if (times.decision === 'suppressed' || times.decision === 'aggregated') return undefined;
  const sla = slaMs(matrix, times.severity);
  if (sla === undefined) return undefined;
  const start = ms(severitySince(entries, times.severity)) ?? (ms(times.ingested) as number);
  const end = ms(times.acknowledged) ?? asOfMs;
  if (end - start <= sla) return undefined;
  return {
    incident: times.id,
    severity: times.severity,
    playbook: times.playbook,
    ingested: times.ingested,
    deadline: new Date(start + sla).toISOString(),
    sla_ms: sla,
    acknowledged: times.acknowledged,
    acknowledged_by: acknowledgedBy(
      times,
      entries.filter((entry) => entry.action === 'ack'),
    ),
    late_ms: end - start - sla,
    pending: times.acknowledged === null,
  };
}

// ---- the store ----

function newestEntry(records: readonly IncidentRecord[]): string | null {
  let newest: string | null = null;
  for (const { entries } of records) {
    for (const entry of entries) {
      const at = ms(entry.at);
      if (at !== undefined && (newest === null || at > (ms(newest) as number))) newest = entry.at;
    }
  }
  return newest;
}

const byIngest = (a: IncidentTimes, b: IncidentTimes) =>
  (ms(a.ingested) as number) - (ms(b.ingested) as number) || a.id.localeCompare(b.id);

/** The store's metrics: every incident (ingested since `sinceMs`, when given) and its SLA breaches. */
export function storeMetrics(records: readonly IncidentRecord[], options: MetricsOptions): StoreMetrics {
  const asOf = newestEntry(records);
  const entriesOf = new Map(records.map((record) => [record.incident.id, record.entries]));
  const times = records
    .flatMap((record) => incidentTimes(record, options.isDestructive) ?? [])
    .filter((t) => options.sinceMs === undefined || (ms(t.ingested) as number) >= options.sinceMs)
    .sort(byIngest);
  const severities = SEVERITIES.filter((severity) => times.some((t) => t.severity === severity));
  const playbooks = [...new Set(times.map((t) => t.playbook))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const asOfMs = ms(asOf) ?? 0;
  return {
    as_of: asOf,
    since: options.sinceMs === undefined ? null : new Date(options.sinceMs).toISOString(),
    incidents: times.length,
    overall: group('all', times),
    by_severity: severities.map((severity) =>
      group(
        severity,
        times.filter((t) => t.severity === severity),
      ),
    ),
    by_playbook: playbooks.map((playbook) =>
      group(
        playbook,
        times.filter((t) => t.playbook === playbook),
      ),
    ),
    breaches: times.flatMap(
      (t) => breachOf(t, entriesOf.get(t.id) ?? [], options.escalationMatrix, asOfMs) ?? [],
    ),
    open: times.filter((t) => t.status !== 'resolved').reverse(),
    times,
  };
}

// ---- presentation ----

/** A duration for people: `850ms`, `42s`, `4m 12s`, `1h 05m`, `2d 03h`; negative with a minus. */
export function formatDuration(value: number | null): string {
  if (value === null) return NOTHING;
  if (value < 0) return `-${formatDuration(-value)}`;
  if (value < 1000) return `${value}ms`;
  const seconds = Math.floor(value / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${pad(hours % 24)}h`;
}

/** `median / p90`, or — when nothing was measured. */
export function summaryCell(summary: Summary): string {
  if (summary.count === 0) return NOTHING;
  return `${formatDuration(summary.median_ms)} / ${formatDuration(summary.p90_ms)}`;
}

/** The form irac writes, shown as `2026-03-02 08:11:37 UTC`; anything else verbatim in a code span. */
function timeCell(at: string | null): string {
  if (at === null) return NOTHING;
  const value = ms(at);
  if (value === undefined) return codeSpan(at);
  return `${new Date(value).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export const STORE_README = `${INCIDENTS_DIR}/README.md`;

/** A link from incidents/README.md to an incident's own README: built from the validated id only. */
function incidentLink(id: string): string {
  return `[${id}](${incidentDir(id).slice(INCIDENTS_DIR.length + 1)}/README.md)`;
}

function groupRows(groups: readonly Group[], label: (key: string | null) => string): string[] {
  return groups.map((g) =>
    tableRow([
      label(g.key),
      String(g.incidents),
      ...MEASURES.map((measure) => `${summaryCell(g[measure])} (${g[measure].count})`),
    ]),
  );
}

function responseTimes(metrics: StoreMetrics): string[] {
  return [
    '## Response times',
    '',
    'Median / 90th percentile, with how many incidents each is measured over. MTTD: vendor detection → ingest; MTTA: ingest → first approval; MTTC: ingest → first destructive step verified; MTTR: ingest → resolved.',
    '',
    tableRow(['Scope', 'Incidents', 'MTTD', 'MTTA', 'MTTC', 'MTTR']),
    tableRow(['---', '---:', '---', '---', '---', '---']),
    ...groupRows([metrics.overall], () => 'all'),
    ...groupRows(metrics.by_severity, (key) => `severity ${key ?? NOTHING}`),
    ...groupRows(metrics.by_playbook, (key) => `playbook ${key === null ? '(none)' : codeSpan(key)}`),
  ];
}

function openIncidents(metrics: StoreMetrics): string[] {
  const heading = `## Open incidents (${metrics.open.length})`;
  if (metrics.open.length === 0) return [heading, '', '_None._'];
  return [
    heading,
    '',
    tableRow(['Incident', 'Severity', 'Status', 'Playbook', 'Opened', 'Acknowledged', 'Title']),
    tableRow(['---', '---', '---', '---', '---', '---', '---']),
    ...metrics.open.map((t) =>
      tableRow([
        incidentLink(t.id),
        t.severity,
        t.status,
        t.playbook === null ? NOTHING : codeSpan(t.playbook),
        timeCell(t.ingested),
        timeCell(t.acknowledged),
        codeSpan(t.title, 120),
      ]),
    ),
  ];
}

function breachList(metrics: StoreMetrics): string[] {
  const heading = `## SLA breaches (${metrics.breaches.length})`;
  const rule =
    'Against `notifications.escalation_matrix`: acknowledged (an `ack`, an approval or the resolution) later, after it reached its severity (ingest, or a later raise), than the whole escalation chain of that severity allows, or still unacknowledged that long after (pending).';
  if (metrics.breaches.length === 0) return [heading, '', rule, '', '_None._'];
  return [
    heading,
    '',
    rule,
    '',
    tableRow(['Incident', 'Severity', 'SLA', 'Deadline', 'Acknowledged', 'Late by']),
    tableRow(['---', '---', '---', '---', '---', '---']),
    ...metrics.breaches.map((b) =>
      tableRow([
        incidentLink(b.incident),
        b.severity,
        formatDuration(b.sla_ms),
        timeCell(b.deadline),
        b.pending ? 'pending' : `${timeCell(b.acknowledged)} (${b.acknowledged_by})`,
        formatDuration(b.late_ms),
      ]),
    ),
  ];
}

function severityChart(metrics: StoreMetrics): string[] {
  const heading = '## Incidents per severity';
  if (metrics.incidents === 0) return [heading, '', '_No incidents._'];
  return [
    heading,
    '',
    '```mermaid',
    `pie showData title ${mermaidText('Incidents per severity')}`,
    ...metrics.by_severity.map((g) => `    "${mermaidText(g.key ?? '')}" : ${g.incidents}`),
    '```',
  ];
}

/**
 * incidents/README.md: a pure function of the metrics of the whole store, so that it is the same bytes
 * whoever renders it from the same commit (`irac verify` renders it again).
 */
export function renderStoreReadme(metrics: StoreMetrics): string {
  const asOf =
    metrics.as_of === null
      ? 'The store has no audit entries yet.'
      : `As of ${timeCell(metrics.as_of)}, the newest audit entry. Times are UTC, as irac recorded them; detection is the vendor's.`;
  const lines = [
    '# Incidents',
    '',
    '> Generated by `irac metrics --write` from every incident’s `incident.yaml` and `audit.jsonl` and the',
    '> configuration’s escalation matrix at the commit that wrote it: do not edit. `irac verify` renders it again.',
    '',
    `${metrics.incidents} incident${metrics.incidents === 1 ? '' : 's'}. ${asOf}`,
    '',
    ...openIncidents(metrics),
    '',
    ...breachList(metrics),
    '',
    ...severityChart(metrics),
    '',
    ...responseTimes(metrics),
  ];
  return `${lines.join('\n')}\n`;
}

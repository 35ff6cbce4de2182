// When each role of the escalation matrix is due for an incident, from its audit trail alone: the first
// role as soon as the incident reached its current severity, each next one once the previous one's
// timeout has run out without an acknowledgement. A level is due once per severity: the trail's
// `escalate` entries say which were sent, and for which severity. Pure, so a clone computes the same
// schedule as the run.
//
// Severity can rise after the incident opened (a more severe event joins it, or triage scores it
// higher). The raised severity's chain starts then, not at the first ingest: an incident raised to
// critical a day later pages critical's first role, not every role at once; and medium's first page does
// not count as critical's.

import { durationMs } from '../config/config.js';
import type { AuditEntry } from '../store/audit.js';
import { higherSeverity } from '../store/incident.js';
import type { EscalationMatrix, EscalationStep, Incident, Severity } from '../types.js';

export interface EscalationLevel {
  /** The severity whose chain it belongs to. */
  readonly severity: Severity;
  /** 1 for the first role of the chain. */
  readonly level: number;
  /** How many levels the incident's chain has. */
  readonly of: number;
  readonly role: string;
  /** When it became due: the chain's start (severitySince) plus the timeouts of every level before it. */
  readonly due_at: string;
  /** How long it had been unacknowledged when it became due, as the matrix writes it (`0m` for the first). */
  readonly after: string;
}

export type EscalationState =
  | { readonly kind: 'quiet'; readonly why: string }
  | {
      readonly kind: 'escalating';
      /** Levels due and not yet sent, in order. */
      readonly due: readonly EscalationLevel[];
      /** The next level still to come, if any: when it falls due. */
      readonly next: EscalationLevel | undefined;
    };

/** The time the incident was first recorded: its first `ingest` entry. */
export function ingestedAt(entries: readonly AuditEntry[]): string | undefined {
  return entries.find((entry) => entry.action === 'ingest')?.at;
}

const SEVERITIES: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'critical']);
const severityIn = (value: unknown): Severity | undefined =>
  typeof value === 'string' && SEVERITIES.has(value) ? (value as Severity) : undefined;

/**
 * When the incident reached `severity`: the time of the first audit entry after which its recorded
 * severity was `severity`. The trail is replayed as the store wrote incident.yaml: an `ingest` entry
 * raises the severity to its event's (higherSeverity; the first one opens it at that), a `triage` entry
 * sets it to the one triage decided. Undefined when the replay never reaches it (a trail written before
 * entries carried severities); callers then start from the first ingest.
 */
export function severitySince(entries: readonly AuditEntry[], severity: Severity): string | undefined {
  let current: Severity | undefined;
  for (const entry of entries) {
    const recorded = severityIn(entry.data.severity);
    if (recorded === undefined) continue;
    if (entry.action === 'ingest') current = current ? higherSeverity(current, recorded) : recorded;
    else if (entry.action === 'triage') current = recorded;
    else continue;
    if (current === severity) return entry.at;
  }
  return undefined;
}

/** The levels of a severity's chain, each with when it falls due for a chain started at `started`. */
export function escalationLevels(
  severity: Severity,
  chain: readonly EscalationStep[],
  started: string,
): EscalationLevel[] {
  const start = Date.parse(started);
  let elapsedMs = 0;
  let after = '0m';
  return chain.map((step, index) => {
    const level: EscalationLevel = {
      severity,
      level: index + 1,
      of: chain.length,
      role: step.role,
      due_at: new Date(start + elapsedMs).toISOString(),
      after,
    };
    elapsedMs += durationMs(step.timeout);
    after = index === 0 ? step.timeout : `${after} + ${step.timeout}`;
    return level;
  });
}

/** Whether the trail has a page of this level of this severity's chain. */
export const wasSent = (entry: AuditEntry, severity: Severity, level: number): boolean =>
  entry.action === 'escalate' && entry.data.severity === severity && entry.data.level === level;

/** The levels of `severity`'s chain the trail says were sent. */
export function sentLevels(entries: readonly AuditEntry[], severity: Severity): Set<number> {
  return new Set(
    entries
      .filter((entry) => wasSent(entry, severity, entry.data.level as number))
      .map((entry) => entry.data.level as number),
  );
}

/**
 * The incident's acknowledgement, from its trail: the first `ack`, or the first approval — a reviewer who
 * approved its containment has taken it (irac metrics counts the same). Undefined when neither happened.
 */
export function acknowledgement(entries: readonly AuditEntry[]): { by: string; at: string } | undefined {
  // An empty approved_by names nobody: it acknowledges nothing (metrics requires a name too).
  const taken = entries.find(
    (entry) =>
      entry.action === 'ack' || (typeof entry.data.approved_by === 'string' && entry.data.approved_by !== ''),
  );
  if (!taken) return undefined;
  const by = taken.action === 'ack' ? (taken.data.by ?? taken.actor) : taken.data.approved_by;
  return { by: String(by), at: taken.at };
}

export function escalationState(
  incident: Incident,
  entries: readonly AuditEntry[],
  matrix: EscalationMatrix,
  now: Date,
): EscalationState {
  if (incident.status === 'resolved') return { kind: 'quiet', why: 'resolved' };
  const ack = acknowledgement(entries);
  if (ack) return { kind: 'quiet', why: `acknowledged by ${ack.by}` };
  // Triage judged these not worth a person's time (a suppression rule) or already covered by others.
  if (incident.decision === 'suppressed' || incident.decision === 'aggregated') {
    return { kind: 'quiet', why: incident.decision };
  }
  const chain = matrix[incident.severity];
  if (!chain) return { kind: 'quiet', why: `no escalation chain for ${incident.severity}` };
  const ingested = ingestedAt(entries);
  if (ingested === undefined) return { kind: 'quiet', why: 'no ingest entry in its audit trail' };
  const started = severitySince(entries, incident.severity) ?? ingested;
  const sent = sentLevels(entries, incident.severity);
  const levels = escalationLevels(incident.severity, chain, started).filter(
    (level) => !sent.has(level.level),
  );
  const due = levels.filter((level) => Date.parse(level.due_at) <= now.getTime());
  return { kind: 'escalating', due, next: levels.find((level) => !due.includes(level)) };
}

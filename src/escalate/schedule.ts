// When each role of the escalation matrix is due for an incident, from its audit trail alone: the first
// role as soon as the incident is recorded, each next one once the previous one's timeout has run out
// without an acknowledgement — timeouts counted from the ingest entry's time. A level is due once: the
// trail's `escalate` entries say which were sent. Pure, so a clone computes the same schedule as the run.

import { durationMs } from '../config/config.js';
import type { AuditEntry } from '../store/audit.js';
import type { EscalationMatrix, EscalationStep, Incident } from '../types.js';

export interface EscalationLevel {
  /** 1 for the first role of the chain. */
  readonly level: number;
  /** How many levels the incident's chain has. */
  readonly of: number;
  readonly role: string;
  /** When it became due: ingest plus the timeouts of every level before it. */
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

/** The levels of a chain, each with when it falls due for an incident recorded at `ingested`. */
export function escalationLevels(chain: readonly EscalationStep[], ingested: string): EscalationLevel[] {
  const start = Date.parse(ingested);
  let elapsedMs = 0;
  let after = '0m';
  return chain.map((step, index) => {
    const level: EscalationLevel = {
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

/** The levels the trail says were sent. */
export function sentLevels(entries: readonly AuditEntry[]): Set<number> {
  return new Set(
    entries
      .filter((entry) => entry.action === 'escalate' && typeof entry.data.level === 'number')
      .map((entry) => entry.data.level as number),
  );
}

/** The incident's acknowledgement, from its trail: who and when; undefined when nobody acknowledged. */
export function acknowledgement(entries: readonly AuditEntry[]): { by: string; at: string } | undefined {
  const ack = entries.find((entry) => entry.action === 'ack');
  return ack ? { by: String(ack.data.by ?? ack.actor), at: ack.at } : undefined;
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
  const sent = sentLevels(entries);
  const levels = escalationLevels(chain, ingested).filter((level) => !sent.has(level.level));
  const due = levels.filter((level) => Date.parse(level.due_at) <= now.getTime());
  return { kind: 'escalating', due, next: levels.find((level) => !due.includes(level)) };
}

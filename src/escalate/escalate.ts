// `irac escalate`: for every incident nobody has acknowledged or resolved, page each escalation level that
// has fallen due (src/escalate/schedule.ts) and record it — one `escalate` audit entry and one commit per
// level — so that the next run, from any clone, pages nobody twice. A level is paged first and recorded
// after: a run that dies in between pages again rather than never.
//
// One incident's trouble is not the next one's: a place that refuses is recorded as skipped, with its
// reason, and the level is recorded even when nobody could be reached — a refusal does not pass, so
// paging again every run would only repeat the pages that did go out. Only a level where nothing was
// delivered and something may pass (no answer, a 5xx) is left unrecorded, for the next run; whatever
// fails in an incident is reported in `failures` and the run goes on with the next one.

import type { Clients } from '../connectors/clients.js';
import { nextEntry } from '../store/audit.js';
import type { Git } from '../store/git.js';
import { auditFile, INCIDENTS_DIR, readmeFile } from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';
import type { EscalationMatrix, Incident } from '../types.js';
import { type Delivery, pageRole } from './notify.js';
import type { EscalationRoles } from './roles.js';
import { type EscalationLevel, escalationState, wasSent } from './schedule.js';

export interface Escalation {
  readonly incident: string;
  readonly severity: string;
  readonly level: number;
  readonly of: number;
  readonly role: string;
  readonly due_at: string;
  readonly delivered: readonly Delivery[];
  readonly skipped: readonly string[];
  /** The commit that recorded it; null when another run had recorded it meanwhile. */
  readonly commit: string | null;
}

/** An incident whose escalation could not be (fully) paged or recorded in this run. */
export interface EscalationFailure {
  readonly incident: string;
  readonly level: number | null;
  readonly reason: string;
}

export interface EscalationReport {
  readonly at: string;
  /** Incidents looked at (every one in the store). */
  readonly incidents: number;
  readonly escalations: readonly Escalation[];
  /** Incidents still escalating, with the next level and when it falls due. */
  readonly upcoming: readonly { readonly incident: string; readonly role: string; readonly due_at: string }[];
  /** What went wrong, per incident; the run carried on with the others. */
  readonly failures: readonly EscalationFailure[];
  readonly warnings: readonly string[];
}

const INCIDENT_TREE = /^incidents\/\d{4}\/\d{2}\/(IR-\d{8}-[0-9a-hjkmnp-tv-z]{8})$/;

/** Every incident id at `commit`, from its tree (the store keeps no index of open incidents). */
export async function incidentIds(git: Git, commit: string | undefined): Promise<string[]> {
  if (commit === undefined) return [];
  const trees = await git.output(['ls-tree', '-r', '-d', '--name-only', commit, '--', INCIDENTS_DIR]);
  return trees.split('\n').flatMap((path) => INCIDENT_TREE.exec(path)?.[1] ?? []);
}

interface Pending {
  readonly incident: Incident;
  readonly due: readonly EscalationLevel[];
}

/** What is due now, read from one state of the store. */
async function pendingEscalations(
  tx: Transaction,
  git: Git,
  matrix: EscalationMatrix,
  now: Date,
): Promise<{ pending: Pending[]; upcoming: EscalationReport['upcoming']; incidents: number }> {
  const ids = await incidentIds(git, tx.base);
  const pending: Pending[] = [];
  const upcoming: { incident: string; role: string; due_at: string }[] = [];
  for (const id of ids) {
    const incident = await readIncident(tx, id);
    if (!incident) continue;
    const entries = parseAuditEntries((await tx.readText(auditFile(id))) ?? '');
    const state = escalationState(incident, entries, matrix, now);
    if (state.kind !== 'escalating') continue;
    if (state.due.length > 0) pending.push({ incident, due: state.due });
    if (state.next) upcoming.push({ incident: id, role: state.next.role, due_at: state.next.due_at });
  }
  return { pending, upcoming, incidents: ids.length };
}

/**
 * Records that a level was paged: one `escalate` entry, the README rendered again, one commit. Nothing
 * when the trail already has that level (another run recorded it meanwhile).
 */
export async function recordEscalation(
  tx: Transaction,
  id: string,
  level: EscalationLevel,
  context: {
    readonly actor: string;
    readonly at: string;
    readonly delivered: readonly Delivery[];
    readonly skipped: readonly string[];
  },
): Promise<string | null> {
  const incident = await readIncident(tx, id);
  if (!incident) return null;
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const entries = parseAuditEntries(auditText);
  if (entries.some((entry) => wasSent(entry, level.severity, level.level))) return null;
  const reached = context.delivered.map((delivery) => delivery.where);
  const summary = `level ${level.level}/${level.of} ${level.role} paged${
    reached.length > 0 ? ` (${reached.join(', ')})` : ': nobody reachable'
  }`;
  const { entry, line } = nextEntry(auditText, {
    at: context.at,
    actor: context.actor,
    action: 'escalate',
    incident: id,
    data: {
      summary,
      level: level.level,
      of: level.of,
      role: level.role,
      severity: level.severity,
      due_at: level.due_at,
      delivered: [...context.delivered],
      skipped: [...context.skipped],
    },
  });
  const audit = auditText + line;
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(incident, parseAuditEntries(audit)));
  return tx.commit({
    subject: `escalate: ${id} ${summary}`.slice(0, 120),
    body: [`due ${level.due_at}: unacknowledged ${level.after} after it was recorded`],
    trailers: auditTrailers(entry),
  });
}

export interface EscalateContext {
  /** Runs one store operation against the freshest state and publishes its commits. */
  readonly apply: <T>(operation: (tx: Transaction) => Promise<T>) => Promise<T>;
  readonly git: Git;
  readonly matrix: EscalationMatrix;
  readonly roles: EscalationRoles;
  readonly clients: Clients;
  readonly actor: string;
  readonly now: Date;
}

/** Pages and records one incident's due levels in order; stops at a level neither delivered nor recorded. */
async function escalateIncident(
  context: EscalateContext,
  { incident, due }: Pending,
  at: string,
  report: { escalations: Escalation[]; failures: EscalationFailure[] },
): Promise<void> {
  const { apply, roles, clients, actor } = context;
  for (const level of due) {
    const page = await pageRole({
      incident: incident.id,
      severity: level.severity,
      level,
      role: Object.hasOwn(roles.roles, level.role) ? roles.roles[level.role] : undefined,
      threads: incident.notifications,
      clients,
    });
    if (page.delivered.length === 0 && page.failed.length > 0) {
      // Nothing went out and it may next time: the next run pages it (and the levels after it) again.
      const reason = `level ${level.level} ${level.role} not paged, retried next run: ${page.failed.join('; ')}`;
      report.failures.push({ incident: incident.id, level: level.level, reason });
      return;
    }
    const skipped = [...page.skipped, ...page.failed];
    const commit = await apply((tx) =>
      recordEscalation(tx, incident.id, level, { actor, at, delivered: page.delivered, skipped }),
    );
    report.escalations.push({
      incident: incident.id,
      severity: level.severity,
      level: level.level,
      of: level.of,
      role: level.role,
      due_at: level.due_at,
      delivered: page.delivered,
      skipped,
      commit,
    });
  }
}

/** Pages every level due at `now`, each recorded in its own commit; what the scheduled workflow runs. */
export async function escalate(context: EscalateContext): Promise<Omit<EscalationReport, 'warnings'>> {
  const at = context.now.toISOString();
  const { pending, upcoming, incidents } = await context.apply((tx) =>
    pendingEscalations(tx, context.git, context.matrix, context.now),
  );
  const report = { escalations: [] as Escalation[], failures: [] as EscalationFailure[] };
  for (const one of pending) {
    try {
      await escalateIncident(context, one, at, report);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.failures.push({ incident: one.incident.id, level: null, reason: reason.slice(0, 500) });
    }
  }
  return { at, incidents, ...report, upcoming };
}

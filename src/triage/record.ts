// Triage as a store operation: read the incident and its events as the transaction sees them, enrich,
// decide, and write triage.json, the updated incident.yaml and README.md with one audit entry — one
// commit. A decision that would not change (same route, score and reasons) is not written again.

import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import { nextEntry } from '../store/audit.js';
import { serializeIncident } from '../store/incident.js';
import { auditFile, eventFile, incidentDir, incidentFile, readmeFile, triageFile } from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';
import type { Incident, SecurityEvent } from '../types.js';
import { type Decision, decide, type EnrichmentFacts, type TriageRules } from './decide.js';
import { pastIncidents } from './history.js';

export interface TriageContext {
  readonly actor: string;
  readonly rules: TriageRules;
  /** Looks up what the incident's events name; never throws (a failing source is reported degraded). */
  readonly enrich: (events: readonly SecurityEvent[], incident: Incident) => Promise<EnrichmentFacts>;
  readonly now: () => Date;
}

export interface Triaged {
  readonly decision: Decision;
  /** The commit that recorded it; undefined when the decision was already recorded. */
  readonly commit?: string;
}

/** The incident's events, in the order its audit trail recorded them. */
export async function readEvents(tx: Transaction, id: string): Promise<SecurityEvent[]> {
  const entries = parseAuditEntries((await tx.readText(auditFile(id))) ?? '');
  const ids = entries.filter((e) => e.action === 'ingest').map((e) => String(e.data.event));
  return Promise.all(
    ids.map(async (eventId) => {
      const text = await tx.readText(eventFile(id, eventId));
      if (text === undefined) throw new InputError(`${incidentDir(id)}/events`, `${eventId}.json is missing`);
      return JSON.parse(text) as SecurityEvent;
    }),
  );
}

/** What a decision says, without when it was made or how long the sources took. */
function substance(decision: Decision): unknown {
  const { decided_at: _, enrichment, ...rest } = decision;
  return {
    ...rest,
    enrichment: { ...enrichment, providers: enrichment.providers.map(({ ms: _ms, ...p }) => p) },
  };
}

function summaryOf(decision: Decision): string {
  const scored = `${decision.severity} ${decision.score.value.toFixed(2)}`;
  const degraded = decision.degraded.length > 0 ? `; degraded: ${decision.degraded.length}` : '';
  switch (decision.outcome) {
    case 'routed':
      return `${scored} → ${decision.playbook}${degraded}`;
    case 'suppressed':
      return `${scored} suppressed by ${decision.suppression?.rule}${degraded}`;
    case 'aggregated':
      return `${scored} aggregated (${decision.aggregation?.recent_incidents.length} recent incidents)${degraded}`;
    case 'unrouted':
      return `${scored}, no playbook${degraded}`;
  }
}

export async function triageIncident(tx: Transaction, id: string, context: TriageContext): Promise<Triaged> {
  const incident = await readIncident(tx, id);
  if (!incident) throw new InputError(id, 'no such incident in the store');
  const events = await readEvents(tx, id);
  const [history, enrichment] = await Promise.all([
    pastIncidents((path) => tx.readText(path), incident),
    context.enrich(events, incident),
  ]);
  const now = context.now();
  const decision = decide({ incident, events, enrichment, history, now }, context.rules);

  const previous = await tx.readText(triageFile(id));
  if (previous !== undefined) {
    const recorded = JSON.parse(previous) as Decision;
    if (JSON.stringify(substance(recorded)) === JSON.stringify(substance(decision)))
      return { decision: recorded };
  }

  const at = now.toISOString();
  const triaged: Incident = {
    ...incident,
    // Containment and resolution are further along than triage; a re-triage does not take them back.
    status: incident.status === 'open' ? 'triaged' : incident.status,
    severity: decision.severity,
    score: decision.score.value,
    playbook: decision.playbook,
    decision: decision.outcome,
    timestamps: { ...incident.timestamps, triaged: at, updated: at },
  };
  const triageJson = `${JSON.stringify(decision, null, 2)}\n`;
  const incidentYaml = serializeIncident(triaged);
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const summary = summaryOf(decision);
  const { entry, line } = nextEntry(auditText, {
    at,
    actor: context.actor,
    action: 'triage',
    incident: id,
    data: {
      summary,
      outcome: decision.outcome,
      playbook: decision.playbook,
      severity: decision.severity,
      score: decision.score.value,
      events: decision.events,
      degraded: [...decision.degraded],
      triage_sha256: sha256Hex(triageJson),
      incident_sha256: sha256Hex(incidentYaml),
    },
  });
  const audit = auditText + line;
  tx.write(triageFile(id), triageJson);
  tx.write(incidentFile(id), incidentYaml);
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(triaged, parseAuditEntries(audit)));
  const commit = await tx.commit({
    subject: `triage: ${id} ${summary}`.slice(0, 120),
    body: [decision.route.reason, ...decision.degraded.map((reason) => `degraded: ${reason}`)],
    trailers: auditTrailers(entry),
  });
  return { decision, commit };
}

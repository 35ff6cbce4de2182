// Recording events: idempotency by event id, correlation by fingerprint within a window, and the files
// of one incident written together with its audit entry — one commit per event.

import { sha256Hex } from '../digest.js';
import type { EventWithEvidence } from '../ingest/normalize.js';
import type { Incident, SecurityEvent } from '../types.js';
import { type AuditEntry, nextEntry } from './audit.js';
import { addEvent, openIncident, parseIncident, serializeIncident } from './incident.js';
import {
  auditFile,
  eventFile,
  eventIndexFile,
  incidentFile,
  isIncidentId,
  type KeyIndex,
  keyIndexFile,
  newIncidentId,
  parseKeyIndex,
  rawFile,
  readmeFile,
  withKeyIndexLine,
} from './layout.js';
import { renderIncidentReadme } from './readme.js';
import type { Transaction } from './transaction.js';

export interface RecordContext {
  /** Who records: a user, a workflow run. Goes into the audit entry and the commit trailers. */
  readonly actor: string;
  /** An event joins an open incident of its fingerprint last updated at most this long ago. */
  readonly correlationWindowMs: number;
  readonly now: () => Date;
}

export type RecordOutcome = 'opened' | 'joined' | 'duplicate';

export interface Recorded {
  readonly event: SecurityEvent;
  readonly incident: string;
  readonly outcome: RecordOutcome;
  /** The commit that recorded it; undefined for a duplicate. */
  readonly commit?: string;
}

/** Reads an incident as the transaction sees it; undefined when there is none at that id. */
export async function readIncident(tx: Transaction, id: string): Promise<Incident | undefined> {
  const text = await tx.readText(incidentFile(id));
  return text === undefined ? undefined : parseIncident(text, incidentFile(id));
}

export function parseAuditEntries(text: string): AuditEntry[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

/** The open incident the event correlates with, if its fingerprint has one updated within the window. */
async function correlatedIncident(
  tx: Transaction,
  event: SecurityEvent,
  now: Date,
  windowMs: number,
): Promise<Incident | undefined> {
  const text = (await tx.readText(keyIndexFile('fingerprints', event.fingerprint))) ?? '';
  const latest = parseKeyIndex(text).at(-1)?.incident;
  if (latest === undefined) return undefined;
  const incident = await readIncident(tx, latest);
  // A suppressed incident takes no more events: the rule judged the events it had, and a later one
  // (from another address, say) must be judged on its own rather than hidden with them.
  if (!incident || incident.status === 'resolved' || incident.decision === 'suppressed') return undefined;
  const idle = now.getTime() - Date.parse(incident.timestamps.updated);
  return idle <= windowMs ? incident : undefined;
}

async function freshIncidentId(tx: Transaction, now: Date): Promise<string> {
  for (;;) {
    const id = newIncidentId(now);
    if ((await tx.read(incidentFile(id))) === undefined) return id;
  }
}

/**
 * Adds the incident to the history index of each key it gained: its fingerprint when it opens, each
 * resource and actor the first time the incident lists it.
 */
async function indexKeys(tx: Transaction, before: Incident | undefined, after: Incident): Promise<void> {
  const gained: [KeyIndex, string][] = [
    ...(before ? [] : [['fingerprints', after.fingerprint] as [KeyIndex, string]]),
    ...after.resources
      .filter((r) => !before?.resources.includes(r))
      .map((r) => ['resources', r] as [KeyIndex, string]),
    ...after.actors
      .filter((a) => !before?.actors.includes(a))
      .map((a) => ['actors', a] as [KeyIndex, string]),
  ];
  for (const [index, value] of gained) {
    const path = keyIndexFile(index, value);
    const updated = withKeyIndexLine((await tx.readText(path)) ?? '', after.id, after.timestamps.opened);
    if (updated !== undefined) tx.write(path, updated);
  }
}

const SUBJECT_KIND_LENGTH = 60;

/** Records each event not recorded before, in order; one commit per recorded event. */
export async function recordEvents(
  tx: Transaction,
  items: readonly EventWithEvidence[],
  context: RecordContext,
): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  for (const { event, raw } of items) {
    const already = (await tx.readText(eventIndexFile(event.id)))?.trim();
    if (already !== undefined && isIncidentId(already)) {
      recorded.push({ event, incident: already, outcome: 'duplicate' });
      continue;
    }
    const now = context.now();
    const at = now.toISOString();
    const existing = await correlatedIncident(tx, event, now, context.correlationWindowMs);
    const incident = existing
      ? addEvent(existing, event, at)
      : openIncident(await freshIncidentId(tx, now), event, at);
    const id = incident.id;

    const eventJson = `${JSON.stringify(event, null, 2)}\n`;
    const incidentYaml = serializeIncident(incident);
    const auditText = (await tx.readText(auditFile(id))) ?? '';
    const { entry, line } = nextEntry(auditText, {
      at,
      actor: context.actor,
      action: 'ingest',
      incident: id,
      data: {
        event: event.id,
        joined: existing !== undefined,
        vendor: event.vendor,
        kind: event.kind,
        severity: event.severity,
        title: event.title,
        timestamp: event.timestamp,
        event_sha256: sha256Hex(eventJson),
        raw_sha256: sha256Hex(raw),
        incident_sha256: sha256Hex(incidentYaml),
      },
    });
    const audit = auditText + line;

    tx.write(eventFile(id, event.id), eventJson);
    tx.write(rawFile(id, event.id), raw);
    tx.write(incidentFile(id), incidentYaml);
    tx.write(auditFile(id), audit);
    tx.write(readmeFile(id), renderIncidentReadme(incident, parseAuditEntries(audit)));
    tx.write(eventIndexFile(event.id), `${id}\n`);
    await indexKeys(tx, existing, incident);

    const kind =
      event.kind.length > SUBJECT_KIND_LENGTH
        ? `${event.kind.slice(0, SUBJECT_KIND_LENGTH - 1)}…`
        : event.kind;
    const commit = await tx.commit({
      subject: `ingest: ${id} ${existing ? 'joined by' : 'opened by'} ${event.severity} ${event.vendor} ${kind}`,
      body: [`event ${event.id}, vendor time ${event.timestamp}`, `resource ${event.resource}`],
      trailers: auditTrailers(entry),
    });
    recorded.push({ event, incident: id, outcome: existing ? 'joined' : 'opened', commit });
  }
  return recorded;
}

/** The trailers that tie a commit to the audit entry it appends; verify checks both ways. */
export function auditTrailers(entry: AuditEntry) {
  return [
    { key: 'Incident-Id', value: entry.incident },
    { key: 'Irac-Action', value: entry.action },
    { key: 'Irac-Actor', value: entry.actor },
    { key: 'Irac-Audit', value: `${entry.seq} ${entry.hash}` },
  ];
}

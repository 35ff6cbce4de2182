// Closing an incident: `irac resolve ID --note TEXT` records who closed it, when and why, in one commit.

import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import { nextEntry } from '../store/audit.js';
import { serializeIncident } from '../store/incident.js';
import { auditFile, incidentFile, readmeFile } from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';

const MAX_NOTE = 2000;

/** A note goes into the audit trail and the commit message: printable text, lines allowed, bounded. */
export function checkNote(text: string): string {
  const note = text.trim();
  if (note === '') throw new InputError('--note', 'must say why the incident is resolved');
  if (note.length > MAX_NOTE) throw new InputError('--note', `is longer than ${MAX_NOTE} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(note)) {
    throw new InputError('--note', 'contains control or bidirectional formatting characters');
  }
  return note;
}

export async function resolveIncident(
  tx: Transaction,
  id: string,
  context: { readonly actor: string; readonly note: string; readonly now: () => Date },
): Promise<{ readonly commit?: string }> {
  const incident = await readIncident(tx, id);
  if (!incident) throw new InputError(id, 'no such incident in the store');
  if (incident.status === 'resolved') return {};
  const at = context.now().toISOString();
  const resolved = {
    ...incident,
    status: 'resolved' as const,
    timestamps: { ...incident.timestamps, resolved: at, updated: at },
  };
  const incidentYaml = serializeIncident(resolved);
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const { entry, line } = nextEntry(auditText, {
    at,
    actor: context.actor,
    action: 'resolve',
    incident: id,
    data: {
      summary: `resolved from ${incident.status}`,
      note: context.note,
      incident_sha256: sha256Hex(incidentYaml),
    },
  });
  const audit = auditText + line;
  tx.write(incidentFile(id), incidentYaml);
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(resolved, parseAuditEntries(audit)));
  const commit = await tx.commit({
    subject: `resolve: ${id}`,
    body: [context.note],
    trailers: auditTrailers(entry),
  });
  return { commit };
}

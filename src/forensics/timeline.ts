// `irac timeline ID`: an incident's story, told from its audit chain and the commits that wrote it —
// when the vendor saw each event, when irac recorded it, and every decision and action after, each
// with the commit that proves it.

import { InputError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { AuditEntry } from '../store/audit.js';
import type { Git } from '../store/git.js';
import { parseIncident } from '../store/incident.js';
import { auditFile, checkIncidentId, incidentDir, incidentFile } from '../store/layout.js';
import { parseAuditEntries } from '../store/record.js';
import type { Incident } from '../types.js';

export interface TimelineItem {
  /** ISO 8601, UTC. */
  readonly at: string;
  /** `detected` (vendor time of an event), or the audit entry's action. */
  readonly what: string;
  readonly actor: string | undefined;
  readonly data: JsonObject;
  /** The audit entry (seq) and the commit that recorded it; absent for vendor-time items. */
  readonly seq?: number;
  readonly commit?: string;
}

export interface Timeline {
  readonly incident: Incident;
  readonly items: readonly TimelineItem[];
}

/** Commits that touched the incident, by the audit entry hash their trailer names. */
async function commitsByEntry(git: Git, head: string, id: string): Promise<Map<string, string>> {
  const log = await git.output([
    'log',
    '--format=%H%x1f%(trailers:key=Irac-Audit,valueonly,unfold)%x1e',
    head,
    '--',
    `${incidentDir(id)}/`,
  ]);
  const byEntry = new Map<string, string>();
  for (const record of log.split('\x1e')) {
    const [sha = '', audit = ''] = record.trim().split('\x1f');
    const hash = audit.trim().split(' ')[1];
    if (hash) byEntry.set(hash, sha);
  }
  return byEntry;
}

export async function incidentTimeline(git: Git, idText: string): Promise<Timeline> {
  const id = checkIncidentId(idText, 'ID');
  const head = await git.resolveCommit('HEAD');
  const objects = await git.objects();
  try {
    const yaml = head && (await objects.readBlob(`${head}:${incidentFile(id)}`));
    if (!head || !yaml) throw new InputError(id, 'no such incident in this repository');
    const incident = parseIncident(yaml.toString('utf8'), incidentFile(id));
    const audit = (await objects.readBlob(`${head}:${auditFile(id)}`))?.toString('utf8') ?? '';
    const entries: AuditEntry[] = parseAuditEntries(audit);
    const commits = await commitsByEntry(git, head, id);
    const items: TimelineItem[] = [];
    for (const entry of entries) {
      if (entry.action === 'ingest' && typeof entry.data.timestamp === 'string') {
        items.push({
          at: entry.data.timestamp,
          what: 'detected',
          actor: typeof entry.data.vendor === 'string' ? entry.data.vendor : undefined,
          data: entry.data,
        });
      }
      const commit = commits.get(entry.hash);
      items.push({
        at: entry.at,
        what: entry.action,
        actor: entry.actor,
        data: entry.data,
        seq: entry.seq,
        ...(commit ? { commit } : {}),
      });
    }
    // Vendor time and record time interleave; the sort is stable, so equal times keep chain order.
    items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { incident, items };
  } finally {
    await objects.close();
  }
}

// What `irac metrics` reads, and only from one commit: every incident's incident.yaml and audit.jsonl
// and the configuration's escalation matrix as that commit holds them — never the working tree, so the
// numbers, and incidents/README.md rendered from them, are the same for anyone with the same commit.

import { readSettings } from '../config/config.js';
import { InputError } from '../errors.js';
import { shippedCatalogue } from '../playbooks/catalogue.js';
import { gitRefFiles } from '../playbooks/repo-files.js';
import type { Git, ObjectStore } from '../store/git.js';
import { parseIncident } from '../store/incident.js';
import { auditFile, classifyPath, INCIDENTS_DIR, incidentFile } from '../store/layout.js';
import { parseAuditEntries } from '../store/record.js';
import { type IncidentRecord, type MetricsOptions, renderStoreReadme, storeMetrics } from './metrics.js';

/** Incidents read at once, so their object reads are pipelined to one cat-file. */
const IN_FLIGHT = 32;

/** The ids of the incidents in `commit`'s tree that have both an incident.yaml and an audit.jsonl. */
async function incidentIds(git: Git, commit: string): Promise<string[]> {
  const listing = await git.output([
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    '--full-tree',
    commit,
    '--',
    `${INCIDENTS_DIR}/`,
  ]);
  const files = new Map<string, Set<string>>();
  for (const path of listing.split('\0')) {
    const place = classifyPath(path);
    if (place.kind !== 'incident' && place.kind !== 'audit') continue;
    const kinds = files.get(place.incident) ?? new Set<string>();
    kinds.add(place.kind);
    files.set(place.incident, kinds);
  }
  return [...files]
    .filter(([, kinds]) => kinds.size === 2)
    .map(([id]) => id)
    .sort();
}

async function readRecord(objects: ObjectStore, commit: string, id: string): Promise<IncidentRecord> {
  const [yaml, audit] = await Promise.all([
    objects.readBlob(`${commit}:${incidentFile(id)}`),
    objects.readBlob(`${commit}:${auditFile(id)}`),
  ]);
  const incident = parseIncident(yaml?.toString('utf8') ?? '', incidentFile(id));
  try {
    return { incident, entries: parseAuditEntries(audit?.toString('utf8') ?? '') };
  } catch {
    throw new InputError(auditFile(id), 'has a line that is not JSON: `irac verify` says where');
  }
}

/** Every incident of the store at `commit`, with its audit entries. */
export async function readIncidentsAt(git: Git, commit: string): Promise<IncidentRecord[]> {
  const ids = await incidentIds(git, commit);
  const objects = await git.objects();
  try {
    const records: IncidentRecord[] = [];
    for (let at = 0; at < ids.length; at += IN_FLIGHT) {
      records.push(
        ...(await Promise.all(ids.slice(at, at + IN_FLIGHT).map((id) => readRecord(objects, commit, id)))),
      );
    }
    return records;
  } finally {
    await objects.close();
  }
}

/** How metrics are computed at `commit`: its configuration's escalation matrix, the shipped catalogue. */
export async function metricsOptionsAt(
  root: string,
  commit: string,
): Promise<Omit<MetricsOptions, 'sinceMs'>> {
  const { settings } = await readSettings(await gitRefFiles(root, commit));
  const catalogue = shippedCatalogue();
  return {
    escalationMatrix: settings.notifications.escalation_matrix,
    isDestructive: (action) => catalogue.get(action)?.destructive ?? false,
  };
}

/**
 * incidents/README.md as `irac metrics --write` renders it on top of `commit`: the whole store, whatever
 * `--since` says. `irac verify` calls this with the commit that last wrote the file.
 */
export async function storeReadmeAt(git: Git, root: string, commit: string): Promise<string> {
  const [records, options] = await Promise.all([
    readIncidentsAt(git, commit),
    metricsOptionsAt(root, commit),
  ]);
  return renderStoreReadme(storeMetrics(records, options));
}

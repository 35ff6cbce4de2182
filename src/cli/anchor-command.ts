// `irac anchor [ID...] [--json]`: post the incidents' audit heads outside the repository — a reply in each
// of their Slack threads, a comment on their ticket — where a force push cannot reach them; by default
// every incident that has a thread or a ticket. `irac run`, `execute`, `undo`, `resolve`, `escalate` and the
// `/ack` comment do the same for the incidents they touched (anchorAfterOperations), and `irac verify
// --anchors` reads them back.

import { type Clients, createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { redactSecrets } from '../connectors/redact.js';
import { InputError, OperationError } from '../errors.js';
import {
  type AnchoredIncident,
  type AnchoringReport,
  incidentsAt,
  postAnchors,
} from '../forensics/anchors.js';
import { checkIncidentId } from '../store/layout.js';
import type { CliIo } from './io.js';
import { openStore, type StoreContext } from './store-context.js';

export interface AnchorCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

export const clientsOf = (store: StoreContext): Clients =>
  createClients(connectorEnvironment(store.config.settings, process.env));

/**
 * Posts the heads, at the branch's commit, of the incidents `ids` — every incident with a thread or a
 * ticket when `ids` is undefined — wherever the newest anchor is not that head already.
 */
export async function anchorIncidents(
  store: StoreContext,
  ids: readonly string[] | undefined,
  clients: Clients = clientsOf(store),
): Promise<AnchoringReport> {
  const head = await store.repository.head();
  if (head === undefined) return { anchored: [], warnings: [], reachable: true };
  return postAnchors(store.repository.git, head, ids, clients);
}

/**
 * Anchoring after an operation: the operation's result stands whatever happens here. Nowhere to post
 * (no Slack or GitHub token, as in a local dry run) is silence; a service that cannot be reached, a thread
 * that is gone, or a refusal is a warning.
 */
export async function anchorAfterOperations(
  store: StoreContext,
  ids: readonly string[],
  clients: Clients,
): Promise<{ anchored: readonly AnchoredIncident[]; warnings: string[] }> {
  if (ids.length === 0) return { anchored: [], warnings: [] };
  try {
    const report = await anchorIncidents(store, [...new Set(ids)], clients);
    if (!report.reachable) return { anchored: [], warnings: [] };
    return { anchored: report.anchored, warnings: report.warnings.map((warning) => `anchoring: ${warning}`) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { anchored: [], warnings: [`the audit heads were not anchored: ${redactSecrets(why)}`] };
  }
}

/** One line per anchor posted. */
export function explainAnchors(anchored: readonly AnchoredIncident[]): string {
  return anchored
    .flatMap((incident) =>
      incident.posted.map((anchor) => `anchored ${anchor.incident} seq ${anchor.seq} in ${anchor.where}\n`),
    )
    .join('');
}

export async function anchorCommand(
  ids: readonly string[],
  options: AnchorCommandOptions,
  io: CliIo,
  clients?: Clients,
): Promise<void> {
  for (const id of ids) checkIncidentId(id, 'ID');
  const store = await openStore(options);
  if (ids.length > 0) {
    const head = await store.repository.head();
    const known = new Set(head === undefined ? [] : await incidentsAt(store.repository.git, head));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new InputError(unknown, 'no such incident in the store');
  }
  const report = await anchorIncidents(store, ids.length > 0 ? ids : undefined, clients ?? clientsOf(store));
  if (!report.reachable) {
    throw new OperationError(
      'nowhere to anchor: neither Slack (SLACK_BOT_TOKEN) nor GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY) is configured',
    );
  }
  for (const warning of report.warnings) io.stderr(`irac: warning: ${warning}\n`);
  if (options.json) {
    io.stdout(`${JSON.stringify(report.anchored)}\n`);
    return;
  }
  io.stdout(explainAnchors(report.anchored));
  for (const incident of report.anchored) {
    if (incident.current.length > 0) {
      io.stdout(
        `${incident.incident} seq ${incident.head.seq} already anchored in ${incident.current.join(', ')}\n`,
      );
    }
  }
  const posted = report.anchored.reduce((sum, incident) => sum + incident.posted.length, 0);
  io.stdout(
    `${posted} anchor${posted === 1 ? '' : 's'} posted for ${report.anchored.length} incident${report.anchored.length === 1 ? '' : 's'}\n`,
  );
}

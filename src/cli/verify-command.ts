// `irac verify [--anchors] [--repo DIR] [--config FILE] [--allowed-signers FILE] [--json]`: the store's
// integrity. Problems go to stdout, one `path:line: what` per line; the verdict to stderr; exit 1 when any.
// With --anchors, the audit heads irac posted — in the channels the playbooks post to and in the
// repository's issue comments, found without asking the history under check — are fetched back and each
// must still be in the local history (src/forensics/anchors.ts).

import { loadConfig } from '../config/config.js';
import { type Clients, createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { OperationError } from '../errors.js';
import { type AnchorVerification, anchorSourcesOf, verifyAnchors } from '../forensics/anchors.js';
import { verifyStore } from '../forensics/verify.js';
import { planningPlaybooks } from '../pipeline.js';
import { IncidentRepository } from '../store/repository.js';
import type { CliIo } from './io.js';

export interface VerifyCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly allowedSigners?: string;
  readonly json?: boolean;
  /** Fetch the anchored audit heads back from Slack and GitHub and check each against the history. */
  readonly anchors?: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export async function verifyCommand(
  options: VerifyCommandOptions,
  io: CliIo,
  isTty = process.stderr.isTTY,
  clients?: Clients,
) {
  const repository = await IncidentRepository.open(options.repo ?? process.cwd());
  const config = await loadConfig({
    repoRoot: repository.root,
    ...(options.config ? { file: options.config } : {}),
  });
  const report = await verifyStore(repository.git, {
    allowedSignersPath: config.signing.allowedSigners,
    allowedSignersFile: options.allowedSigners,
    requireSigned: config.signing.requireSigned,
    onProgress: isTty
      ? (phase, done, total) => io.stderr(`\rverifying ${phase}: ${done}${total ? `/${total}` : ''}\x1b[K`)
      : undefined,
  });
  if (isTty) io.stderr('\r\x1b[K');
  let anchors: AnchorVerification | undefined;
  if (options.anchors && report.head !== undefined) {
    anchors = await verifyAnchors(
      repository.git,
      report.head,
      clients ?? createClients(connectorEnvironment(config.settings, process.env)),
      anchorSourcesOf(await planningPlaybooks(repository.root, config)),
    );
    if (!anchors.reachable) {
      throw new OperationError(
        'verify --anchors: neither Slack (SLACK_BOT_TOKEN) nor GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY) is configured: no anchor could be fetched',
      );
    }
    for (const warning of anchors.warnings) io.stderr(`irac: warning: ${warning}\n`);
  }
  const problems = [...report.problems, ...(anchors?.problems ?? [])];
  if (options.json) {
    const anchored = anchors ? { anchors: anchors.incidents, unanchored: anchors.unanchored } : {};
    io.stdout(`${JSON.stringify({ ok: problems.length === 0, ...report, problems, ...anchored })}\n`);
  } else {
    for (const problem of problems) io.stdout(`${problem}\n`);
    for (const incident of anchors?.incidents ?? []) {
      const places = incident.places.map((place) => `${place.where}: ${place.anchors}`).join(', ');
      io.stdout(`anchors: ${incident.incident} ${incident.checked} checked (${places})\n`);
    }
    for (const id of anchors?.unanchored ?? []) io.stdout(`anchors: ${id} none found\n`);
  }
  const checked = anchors?.incidents.reduce((sum, incident) => sum + incident.checked, 0);
  const scope = `${plural(report.incidents, 'incident')}, ${plural(report.events, 'event')}, ${plural(report.commits, 'commit')}${report.signed > 0 ? ` (${report.signed} signed)` : ''}${checked === undefined ? '' : `, ${plural(checked, 'anchor')}`}`;
  if (problems.length > 0) {
    throw new OperationError(`verify: ${plural(problems.length, 'problem')} in ${scope}`);
  }
  if (!options.json) io.stdout(`verify: ok — ${scope}\n`);
}

// `irac send FILE|- --repo OWNER/NAME [--source NAME] [--max-bytes N] [--dry-run] [--json]`: events into a
// repository's ingest workflow as repository_dispatch, split to GitHub's limits. Everything is read and
// validated before the first request, so a bad input sends nothing.

import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { type Dispatch, readOutgoingPayloads, splitIntoDispatches } from '../send/dispatches.js';
import {
  DispatchFailure,
  dispatchPoster,
  type GitHubSettings,
  githubSettingsFrom,
  type Repository,
  repositoryFrom,
} from '../send/github.js';
import type { Vendor } from '../types.js';
import { type CliIo, readInput } from './io.js';

export interface SendCommandOptions {
  /** OWNER/NAME; GITHUB_REPOSITORY when absent. */
  readonly repo?: string;
  readonly source?: Vendor;
  readonly maxBytes?: number;
  /** Print what would be sent; send nothing. */
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function summaryOf(dispatch: Dispatch, index: number) {
  return {
    dispatch: index + 1,
    payloads: dispatch.payloads.length,
    events: dispatch.payloads.reduce((sum, p) => sum + p.events, 0),
    bytes: dispatch.bytes,
    ...(dispatch.body.client_payload.source ? { source: dispatch.body.client_payload.source } : {}),
  };
}

function report(dispatch: Dispatch, index: number, count: number, options: SendCommandOptions, io: CliIo) {
  const summary = summaryOf(dispatch, index);
  if (options.json) {
    const line = options.dryRun
      ? { ...summary, sent: false, body: dispatch.body }
      : { ...summary, sent: true };
    io.stdout(`${JSON.stringify(line)}\n`);
    return;
  }
  io.stdout(
    `dispatch ${summary.dispatch}/${count}: ${plural(summary.payloads, 'payload')} (${plural(summary.events, 'event')}), ` +
      `${summary.bytes} bytes${summary.source ? `, source ${summary.source}` : ''}` +
      `${options.dryRun ? '' : ' — sent'}\n`,
  );
}

/** Says which dispatches got there and which did not, and where the first undelivered payload came from. */
function partialDelivery(
  failure: DispatchFailure,
  dispatches: readonly Dispatch[],
  failed: number,
): DispatchFailure {
  const payloadsIn = (list: readonly Dispatch[]) => list.reduce((sum, d) => sum + d.payloads.length, 0);
  const delivered = dispatches.slice(0, failed);
  const rest = dispatches.slice(failed);
  const firstUndelivered = rest[0]?.payloads[0]?.origin ?? '?';
  const carried = plural(payloadsIn(delivered), 'payload');
  const done =
    failed === 0
      ? 'nothing was delivered'
      : failed === 1
        ? `dispatch 1 (${carried}) was delivered`
        : `dispatches 1–${failed} (${carried}) were delivered`;
  return new DispatchFailure(
    `dispatch ${failed + 1} of ${dispatches.length} failed: ${failure.message}; ${done}, ` +
      `${plural(payloadsIn(rest), 'payload')} from ${firstUndelivered} on were not`,
    failure.status,
  );
}

async function deliver(
  dispatches: readonly Dispatch[],
  repository: Repository,
  github: GitHubSettings | undefined,
  options: SendCommandOptions,
  io: CliIo,
): Promise<void> {
  const post = dispatchPoster(github, repository);
  for (const [index, dispatch] of dispatches.entries()) {
    try {
      await post(dispatch);
    } catch (error) {
      throw error instanceof DispatchFailure ? partialDelivery(error, dispatches, index) : error;
    }
    report(dispatch, index, dispatches.length, options, io);
  }
}

export async function sendCommand(
  file: string | undefined,
  options: SendCommandOptions,
  io: CliIo,
  github: GitHubSettings | undefined = githubSettingsFrom(process.env),
): Promise<void> {
  const repository = repositoryFrom(options.repo, process.env);
  const { bytes, name } = await readInput(file, io);
  const limits = { ...DEFAULT_LIMITS, ...(options.maxBytes ? { maxPayloadBytes: options.maxBytes } : {}) };
  const payloads = readOutgoingPayloads(bytes, { source: options.source, limits, name });
  const dispatches = splitIntoDispatches(payloads);
  const target = `${repository.owner}/${repository.repo}`;
  if (options.dryRun) {
    dispatches.forEach((dispatch, index) => {
      report(dispatch, index, dispatches.length, options, io);
    });
  } else {
    await deliver(dispatches, repository, github, options, io);
  }
  if (!options.json) {
    const events = payloads.reduce((sum, p) => sum + p.events, 0);
    io.stdout(
      `${options.dryRun ? 'would send' : 'sent'} ${plural(payloads.length, 'payload')} ` +
        `(${plural(events, 'event')}) in ${plural(dispatches.length, 'dispatch', 'dispatches')} to ${target}\n`,
    );
  }
}

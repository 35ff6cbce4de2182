// `irac ingest [FILE|-] [--source NAME] [--repo DIR] [--config FILE] [--json]`: payloads → events →
// incidents committed (and pushed, when the branch has a remote). Input is normalized and validated
// in full before the repository is touched: a rejected payload writes nothing.

import { InputError } from '../errors.js';
import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { normalizeWithEvidence } from '../ingest/normalize.js';
import { recordEvents } from '../store/record.js';
import type { Vendor } from '../types.js';
import { type CliIo, readInput } from './io.js';
import { openStore } from './store-context.js';

export interface IngestCommandOptions {
  readonly source?: Vendor;
  readonly maxBytes?: number;
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

const VERB = { opened: 'opened', joined: 'joined', duplicate: 'already recorded in' } as const;

export async function ingestCommand(file: string | undefined, options: IngestCommandOptions, io: CliIo) {
  // In a workflow run started by repository_dispatch, the event file is the input unless told otherwise.
  const eventFile =
    file === undefined && process.env.GITHUB_EVENT_NAME === 'repository_dispatch'
      ? process.env.GITHUB_EVENT_PATH
      : undefined;
  const { bytes, name } = await readInput(file ?? eventFile, io);
  const limits = { ...DEFAULT_LIMITS, ...(options.maxBytes ? { maxPayloadBytes: options.maxBytes } : {}) };
  const items = [...normalizeWithEvidence(bytes, { source: options.source, limits, name })];
  if (items.length === 0) throw new InputError(name, 'holds no security event');

  const { repository, config, actor, publish } = await openStore(options);
  const applied = await repository.apply(
    (tx) =>
      recordEvents(tx, items, {
        actor,
        correlationWindowMs: config.correlationWindowMs,
        now: () => new Date(),
      }),
    publish,
  );

  for (const warning of applied.warnings) io.stderr(`irac: warning: ${warning}\n`);
  if (options.json) {
    io.stdout(
      applied.result
        .map((r) =>
          JSON.stringify({
            event: r.event.id,
            incident: r.incident,
            outcome: r.outcome,
            commit: r.commit ?? null,
          }),
        )
        .join('\n')
        .concat('\n'),
    );
    return;
  }
  for (const r of applied.result) {
    io.stdout(
      `${VERB[r.outcome]} ${r.incident}  ${r.event.id}  ${r.event.severity} ${r.event.vendor} ${r.event.kind}\n`,
    );
  }
  const count = (outcome: string) => applied.result.filter((r) => r.outcome === outcome).length;
  const where =
    applied.commits.length === 0
      ? 'nothing to commit'
      : `${applied.commits.length} commit${applied.commits.length === 1 ? '' : 's'} on ${applied.target}` +
        (applied.attempts > 1 ? ` after ${applied.attempts} attempts` : '');
  io.stdout(
    `${applied.result.length} event${applied.result.length === 1 ? '' : 's'}: ${count('opened')} opened, ${count('joined')} joined, ${count('duplicate')} already recorded (${where})\n`,
  );
}

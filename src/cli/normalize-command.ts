// `irac normalize [FILE|-] [--source NAME] [--max-bytes N] [--json]`: payloads → SecurityEvents, nothing stored.

import { InputError } from '../errors.js';
import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { normalizeInput } from '../ingest/normalize.js';
import type { SecurityEvent, Vendor } from '../types.js';
import { type CliIo, readInput } from './io.js';
import { type Column, renderTable } from './table.js';

export interface NormalizeCommandOptions {
  readonly source?: Vendor;
  readonly maxBytes?: number;
  readonly json?: boolean;
}

const COLUMNS: readonly Column<SecurityEvent>[] = [
  { header: 'TIME', width: 20, cell: (e) => e.timestamp.replace(/\.\d+Z$/, 'Z') },
  { header: 'SEVERITY', width: 8, cell: (e) => e.severity },
  { header: 'VENDOR', width: 11, cell: (e) => e.vendor },
  { header: 'KIND', width: 40, cell: (e) => e.kind },
  { header: 'RESOURCE', width: 48, cell: (e) => e.resource },
  { header: 'ACTOR', width: 40, cell: (e) => e.actor ?? '-' },
];

export async function normalizeCommand(
  file: string | undefined,
  options: NormalizeCommandOptions,
  io: CliIo,
) {
  const { bytes, name } = await readInput(file, io);
  const limits = { ...DEFAULT_LIMITS, ...(options.maxBytes ? { maxPayloadBytes: options.maxBytes } : {}) };
  const normalizeOptions = { source: options.source, limits, name };
  if (options.json) {
    // Large NDJSON goes to worker threads; loaded only then, so small inputs and the Action never pay for it.
    const { normalizeInParallel } = await import('../ingest/parallel.js');
    const parts = await normalizeInParallel(bytes, 'ndjson', normalizeOptions);
    const ndjson = parts
      ? parts.join('')
      : normalizeInput(bytes, normalizeOptions)
          .map((e) => `${JSON.stringify(e)}\n`)
          .join('');
    if (ndjson === '') throw new InputError(name, 'holds no security event');
    io.stdout(ndjson);
    return;
  }
  const events = normalizeInput(bytes, normalizeOptions);
  io.stdout(renderTable(events, COLUMNS));
  const vendors = new Set(events.map((e) => e.vendor));
  io.stdout(
    `\n${events.length} event${events.length === 1 ? '' : 's'} from ${vendors.size} source${vendors.size === 1 ? '' : 's'} (${[...vendors].join(', ')})\n`,
  );
}

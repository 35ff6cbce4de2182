// `irac normalize [FILE|-] [--source NAME] [--max-bytes N] [--json] [--format ocsf]`: payloads → SecurityEvents
// (or OCSF Detection Findings), nothing stored.

import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { normalizeInput } from '../ingest/normalize.js';
import { ocsfOf } from '../interop/ocsf.js';
import type { SecurityEvent, Vendor } from '../types.js';
import { type CliIo, readInput } from './io.js';
import { type Column, renderTable } from './table.js';

export interface NormalizeCommandOptions {
  readonly source?: Vendor;
  readonly maxBytes?: number;
  readonly json?: boolean;
  /** `ocsf`: one OCSF Detection Finding (class 2004) JSON per line instead of SecurityEvents. */
  readonly format?: 'ocsf';
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
  const events = normalizeInput(bytes, { source: options.source, limits, name });
  if (options.json || options.format === 'ocsf') {
    const shaped = options.format === 'ocsf' ? ocsfOf : (event: SecurityEvent) => event;
    // In pieces: one string of a million events would pass V8's limit on string length.
    let chunk = '';
    for (const event of events) {
      chunk += `${JSON.stringify(shaped(event))}\n`;
      if (chunk.length > 1 << 20) {
        io.stdout(chunk);
        chunk = '';
      }
    }
    io.stdout(chunk);
    return;
  }
  io.stdout(renderTable(events, COLUMNS));
  const vendors = new Set(events.map((e) => e.vendor));
  io.stdout(
    `\n${events.length} event${events.length === 1 ? '' : 's'} from ${vendors.size} source${vendors.size === 1 ? '' : 's'} (${[...vendors].join(', ')})\n`,
  );
}

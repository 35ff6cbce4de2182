// Bulk normalization on every core. JSON.parse alone costs about as much as all of irac's per-event
// work that must follow it (hashing the exact bytes, the structure check, ids), so one thread cannot
// normalize faster than about half the speed it parses. Large NDJSON inputs (a month of CloudTrail for
// a backtest) are cut at line starts and normalized on worker threads; each part keeps its line
// numbers, and the first error in input order is the one reported, exactly as on one thread.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { DEFAULT_LIMITS, splitNdjson } from './documents.js';
import type { NormalizeOptions } from './normalize.js';

/** What a worker does with its part's events: count them, or print them as NDJSON. */
export type PartTask = 'count' | 'ndjson';

export interface PartRequest {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly task: PartTask;
  readonly options: Omit<NormalizeOptions, 'limits'> & { limits: NonNullable<NormalizeOptions['limits']> };
}

export type PartResult =
  | { readonly ok: number | string }
  | { readonly rejected: { readonly where: string; readonly what: string } }
  | { readonly failed: string };

/** Below this, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

const WORKER = new URL('./parallel-worker.js', import.meta.url);

function runPart(request: PartRequest): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: request });
    worker.once('message', (result: PartResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`normalize worker exited with code ${code}`));
    });
  });
}

/**
 * Runs a task over the events of NDJSON input on up to `threads` worker threads, returning each
 * part's result in input order; undefined when the input is not worth splitting (small, or one
 * JSON document), in which case the caller normalizes on its own thread.
 */
export async function normalizeInParallel(
  input: Uint8Array,
  task: PartTask,
  options: NormalizeOptions = {},
  threads = availableParallelism(),
): Promise<(number | string)[] | undefined> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (threads < 2 || input.length < PARALLEL_MIN_BYTES) return undefined;
  const parts = splitNdjson(input, threads, limits);
  if (!parts) return undefined;
  const shared = { ...options, limits, receivedAt: options.receivedAt ?? new Date().toISOString() };
  const results = await Promise.all(
    parts.map((part) => runPart({ bytes: part, firstLine: part.firstLine, task, options: shared })),
  );
  return results.map((result) => {
    if ('rejected' in result) throw new InputError(result.rejected.where, result.rejected.what);
    if ('failed' in result) throw new Error(result.failed);
    return result.ok;
  });
}

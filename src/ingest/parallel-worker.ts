// One part of a parallel normalization (see parallel.ts): normalize, then count or print the events.

import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { normalizeStream } from './normalize.js';
import type { PartRequest, PartResult } from './parallel.js';

function run(request: PartRequest): PartResult {
  const part = Object.assign(request.bytes, { firstLine: request.firstLine });
  const events = normalizeStream(part, request.options);
  try {
    if (request.task === 'count') {
      let count = 0;
      for (const _event of events) count++;
      return { ok: count };
    }
    let ndjson = '';
    for (const event of events) ndjson += `${JSON.stringify(event)}\n`;
    return { ok: ndjson };
  } catch (error) {
    if (error instanceof InputError) return { rejected: { where: error.where, what: error.what } };
    return { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.postMessage(run(workerData as PartRequest));

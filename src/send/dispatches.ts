// Events on their way to GitHub: raw vendor payloads, each validated by the normalizer that will read it
// on the other side, packed into repository_dispatch bodies that GitHub accepts (client_payload under
// 64 KB, at most 10 top-level keys) and that irac's own intake accepts (the dispatch schema, the nesting
// limit). The payloads travel untouched — the receiving run normalizes them again and keeps them as
// evidence — so what is checked here is that they will get there, not what they mean.
//
// Pure: bytes in, bodies out. `irac send` and `irac relay` do the posting.

import { InputError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits, readDocuments, structureProblem } from '../ingest/documents.js';
import { DISPATCH_EVENT_TYPE, DISPATCH_LIMITS, unwrapDocument } from '../ingest/envelopes.js';
import { normalizeUnit } from '../ingest/normalize.js';
import { formatPath, type JsonObject } from '../json.js';
import type { Vendor } from '../types.js';

/** One raw payload to deliver, as the sender received it. */
export interface OutgoingPayload {
  readonly payload: JsonObject;
  /** client_payload.source: the normalizer the sender named; absent, the receiver detects it as irac did. */
  readonly source?: Vendor | undefined;
  /** Where it came from, for errors: `events.ndjson:12: $`, `request: $[3]`. */
  readonly origin: string;
  /** The fingerprint of the first event it normalizes to: what correlates it into an incident. */
  readonly fingerprint: string;
  /** How many SecurityEvents it normalizes to. */
  readonly events: number;
  /** Its serialized size, in bytes. */
  readonly bytes: number;
}

export interface ClientPayload {
  source?: Vendor;
  event?: JsonObject;
  events?: JsonObject[];
}

/** The body of POST /repos/{owner}/{repo}/dispatches. */
export interface DispatchBody {
  readonly event_type: typeof DISPATCH_EVENT_TYPE;
  readonly client_payload: ClientPayload;
}

export interface Dispatch {
  readonly body: DispatchBody;
  readonly payloads: readonly OutgoingPayload[];
  /** Bytes of client_payload serialized, as GitHub measures it. */
  readonly bytes: number;
}

// In a dispatch a payload sits three levels below the top (body → client_payload → events[] → payload),
// in the runner's event file too: its own nesting must leave room for them under irac's depth limit.
const ENVELOPE_DEPTH = 3;

export interface ReadOptions {
  readonly source?: Vendor | undefined;
  readonly limits?: Limits | undefined;
  /** How errors name the input: a file name, `stdin`, `request`. */
  readonly name: string;
  readonly receivedAt?: string | undefined;
}

/**
 * The payloads of an input — anything `irac normalize` reads, a dispatch included — each normalized
 * to prove the receiver will accept it, and checked to fit in a dispatch on its own. The first problem
 * is thrown as an InputError, so a bad input sends nothing.
 */
export function readOutgoingPayloads(input: Uint8Array, options: ReadOptions): OutgoingPayload[] {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const receivedAt = options.receivedAt ?? new Date().toISOString();
  const payloads: OutgoingPayload[] = [];
  for (const document of readDocuments(input, options.name, limits)) {
    for (const unit of unwrapDocument(document)) {
      const events = normalizeUnit(unit, { source: options.source }, receivedAt);
      const first = events[0];
      // A list that holds no finding (Security Hub's `{Findings: []}`) reports nothing: not worth a run.
      if (!first) continue;
      const source = options.source ?? unit.sourceHint;
      const outgoing: OutgoingPayload = {
        payload: unit.reader.value,
        origin: `${unit.reader.origin}: ${formatPath(unit.reader.base)}`,
        fingerprint: first.fingerprint,
        events: events.length,
        bytes: Buffer.byteLength(JSON.stringify(unit.reader.value)),
        ...(source ? { source } : {}),
      };
      checkDispatchable(outgoing, limits);
      payloads.push(outgoing);
    }
  }
  if (payloads.length === 0) throw new InputError(options.name, 'holds no security event');
  return payloads;
}

/** Refuses a payload no dispatch can carry: too large on its own, or nested too deep once wrapped. */
export function checkDispatchable(outgoing: OutgoingPayload, limits: Limits = DEFAULT_LIMITS): void {
  const alone = singleBytes(outgoing.source, outgoing.bytes);
  if (alone >= DISPATCH_LIMITS.clientPayloadMaxBytes) {
    throw new InputError(
      outgoing.origin,
      `is ${outgoing.bytes} bytes (${alone} as a client_payload); GitHub refuses a client_payload of ` +
        `${DISPATCH_LIMITS.clientPayloadMaxBytes} bytes (64 KB) or more, so it cannot be sent as a dispatch`,
    );
  }
  const problem = structureProblem(outgoing.payload, limits.maxDepth - ENVELOPE_DEPTH);
  if (problem) {
    throw new InputError(
      outgoing.origin,
      `${problem.what} once wrapped in a dispatch (at ${formatPath(problem.path)}); irac's intake allows ` +
        `${limits.maxDepth} levels in all`,
    );
  }
}

// Sizes are added up rather than measured by serializing every candidate batch: JSON.stringify of
// `{source, events: [a, b]}` is exactly its keys, the payloads and the commas between them.
const overhead = (source: Vendor | undefined, key: 'event' | 'events') =>
  Buffer.byteLength(JSON.stringify(source ? { source, [key]: 0 } : { [key]: 0 })) - 1;

/** client_payload bytes of `{source?, event}`. */
function singleBytes(source: Vendor | undefined, bytes: number): number {
  return overhead(source, 'event') + bytes;
}

/** client_payload bytes of `{source?, events: [...]}` holding `count` payloads of `total` bytes. */
function listBytes(source: Vendor | undefined, count: number, total: number): number {
  // `[]` and count - 1 commas.
  return overhead(source, 'events') + 2 + total + count - 1;
}

function dispatchOf(source: Vendor | undefined, payloads: readonly OutgoingPayload[]): Dispatch {
  const total = payloads.reduce((sum, p) => sum + p.bytes, 0);
  const only = payloads.length === 1 ? payloads[0] : undefined;
  const client_payload: ClientPayload = source ? { source } : {};
  if (only) client_payload.event = only.payload;
  else client_payload.events = payloads.map((p) => p.payload);
  const bytes = only ? singleBytes(source, total) : listBytes(source, payloads.length, total);
  return { body: { event_type: DISPATCH_EVENT_TYPE, client_payload }, payloads, bytes };
}

/**
 * The fewest dispatches, greedily, that carry every payload exactly once, in order within each source
 * (one `source` per dispatch, so payloads named for different normalizers travel apart). A payload that
 * cannot travel alone is refused before anything is packed.
 */
export function splitIntoDispatches(payloads: readonly OutgoingPayload[]): Dispatch[] {
  for (const outgoing of payloads) checkDispatchable(outgoing);
  const bySource = new Map<Vendor | undefined, OutgoingPayload[]>();
  for (const outgoing of payloads) {
    const group = bySource.get(outgoing.source) ?? [];
    group.push(outgoing);
    bySource.set(outgoing.source, group);
  }
  const dispatches: Dispatch[] = [];
  for (const [source, group] of bySource) {
    let batch: OutgoingPayload[] = [];
    let total = 0;
    for (const outgoing of group) {
      const fits =
        listBytes(source, batch.length + 1, total + outgoing.bytes) < DISPATCH_LIMITS.clientPayloadMaxBytes;
      if (batch.length > 0 && !fits) {
        dispatches.push(dispatchOf(source, batch));
        batch = [];
        total = 0;
      }
      batch.push(outgoing);
      total += outgoing.bytes;
    }
    if (batch.length > 0) dispatches.push(dispatchOf(source, batch));
  }
  return dispatches;
}

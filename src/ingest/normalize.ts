// The ingest stage: raw bytes → validated SecurityEvents. Nothing here writes anywhere.

import { InputError } from '../errors.js';
import { formatPath } from '../json.js';
import type { SecurityEvent, Vendor } from '../types.js';
import { displayText } from './display.js';
import { DEFAULT_LIMITS, type Limits, readDocuments } from './documents.js';
import { type PayloadUnit, unwrapDocument } from './envelopes.js';
import { buildEvent } from './normalizer.js';
import { detectNormalizer, normalizerNamed, SOURCE_NAMES } from './registry.js';

export interface NormalizeOptions {
  /** Use this normalizer for every payload instead of detecting one (`--source`). */
  readonly source?: Vendor | undefined;
  readonly limits?: Limits | undefined;
  /** How errors name the input: a file name, or `stdin`. */
  readonly name?: string | undefined;
  /** When the input was received (ISO); the timestamp of events that carry none. Defaults to now. */
  readonly receivedAt?: string | undefined;
}

function unrecognised(unit: PayloadUnit): InputError {
  const keys = Object.keys(unit.reader.value);
  const shown = keys
    .slice(0, 8)
    .map((k) => displayText(k, 40) ?? '?')
    .join(', ');
  const more = keys.length > 8 ? `, … (${keys.length} keys)` : '';
  return new InputError(
    `${unit.reader.origin}: ${formatPath(unit.reader.base)}`,
    `unrecognised payload (keys: ${shown || 'none'}${more}); known sources: ${SOURCE_NAMES.join(', ')}; use --source NAME to choose one`,
  );
}

/** Normalizes one payload: detects its source unless told, then builds its events. */
export function normalizeUnit(
  unit: PayloadUnit,
  options: NormalizeOptions,
  receivedAt: string,
): SecurityEvent[] {
  const chosen = options.source ?? unit.sourceHint;
  const normalizer = chosen ? normalizerNamed(chosen) : detectNormalizer(unit.reader.value);
  if (!normalizer) throw unrecognised(unit);
  const provenance = { vendor: normalizer.vendor, rawSha256: unit.document.sha256, receivedAt };
  return normalizer.normalize(unit.reader).map((draft) => buildEvent(draft, provenance));
}

/** An event with the exact bytes it was received in (the whole document, or its NDJSON line). */
export interface EventWithEvidence {
  readonly event: SecurityEvent;
  readonly raw: Uint8Array;
}

/** Events from input bytes with their evidence, lazily. */
export function* normalizeWithEvidence(
  input: Uint8Array,
  options: NormalizeOptions = {},
): Generator<EventWithEvidence> {
  const receivedAt = options.receivedAt ?? new Date().toISOString();
  const name = options.name ?? 'input';
  for (const document of readDocuments(input, name, options.limits ?? DEFAULT_LIMITS)) {
    for (const unit of unwrapDocument(document)) {
      for (const event of normalizeUnit(unit, options, receivedAt)) yield { event, raw: document.bytes };
    }
  }
}

/** Events from input bytes (one JSON document, an array, Records[], a dispatch, or NDJSON), lazily. */
export function* normalizeStream(
  input: Uint8Array,
  options: NormalizeOptions = {},
): Generator<SecurityEvent> {
  for (const { event } of normalizeWithEvidence(input, options)) yield event;
}

/** All events of the input, or the first problem as an InputError; input holding no event is one. */
export function normalizeInput(input: Uint8Array, options: NormalizeOptions = {}): SecurityEvent[] {
  const events = [...normalizeStream(input, options)];
  if (events.length === 0) throw new InputError(options.name ?? 'input', 'holds no security event');
  return events;
}

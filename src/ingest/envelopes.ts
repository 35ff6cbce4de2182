// Containers that carry vendor payloads without being one: a repository_dispatch (as a sender POSTs
// it, or as the runner writes it to GITHUB_EVENT_PATH), a JSON array, and a CloudTrail log file's
// Records[]. Vendor-specific lists (Security Hub's findings[], Sentinel's value[]) are the
// normalizers' business.

import { InputError } from '../errors.js';
import { formatPath, isJsonObject, type JsonPath, type JsonValue, jsonTypeOf } from '../json.js';
import type { Vendor } from '../types.js';
import { describeErrors, dispatchValidator } from '../validation.js';
import { quoteForMessage } from './display.js';
import type { RawDocument } from './documents.js';
import { FieldReader } from './fields.js';

/** GitHub's limits on POST /repos/{owner}/{repo}/dispatches. */
export const DISPATCH_LIMITS = {
  eventTypeMaxLength: 100,
  clientPayloadMaxProperties: 10,
  /** client_payload must stay under 64 KB. */
  clientPayloadMaxBytes: 64 * 1024,
} as const;

export const DISPATCH_EVENT_TYPE = 'security-event';

export interface PayloadUnit {
  readonly reader: FieldReader;
  /** client_payload.source: the sender's statement of which normalizer applies. */
  readonly sourceHint?: Vendor;
  readonly document: RawDocument;
}

function isDispatch(value: JsonValue): boolean {
  return (
    isJsonObject(value) &&
    Object.hasOwn(value, 'client_payload') &&
    (Object.hasOwn(value, 'event_type') || Object.hasOwn(value, 'action'))
  );
}

/** Checks a dispatch against GitHub's limits and irac's envelope schema. */
function dispatchPayload(document: RawDocument): { payload: FieldReader; source?: Vendor } {
  const root = new FieldReader(document.value as Record<string, JsonValue>, document.origin);
  // The runner's event file names the event type `action`; the request body names it `event_type`.
  const typeField = Object.hasOwn(root.value, 'event_type') ? 'event_type' : 'action';
  const eventType = root.requireString(typeField);
  if (eventType.length > DISPATCH_LIMITS.eventTypeMaxLength) {
    root.fail(
      typeField,
      `is ${eventType.length} characters; GitHub allows at most ${DISPATCH_LIMITS.eventTypeMaxLength}`,
    );
  }
  if (eventType !== DISPATCH_EVENT_TYPE) {
    root.fail(
      typeField,
      `is ${quoteForMessage(eventType)}; irac handles "${DISPATCH_EVENT_TYPE}" dispatches`,
    );
  }
  const clientPayload = root.object('client_payload') ?? root.fail('client_payload', 'must be an object');
  const keys = Object.keys(clientPayload).length;
  if (keys > DISPATCH_LIMITS.clientPayloadMaxProperties) {
    root.fail(
      'client_payload',
      `has ${keys} top-level properties; GitHub rejects more than ${DISPATCH_LIMITS.clientPayloadMaxProperties}`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(clientPayload));
  if (bytes >= DISPATCH_LIMITS.clientPayloadMaxBytes) {
    root.fail('client_payload', `is ${bytes} bytes; GitHub rejects a client_payload of 64 KB or more`);
  }
  const hasEvent = Object.hasOwn(clientPayload, 'event');
  if (hasEvent === Object.hasOwn(clientPayload, 'events')) {
    root.fail(
      'client_payload',
      hasEvent
        ? 'has both event and events; send one of them'
        : 'needs event (one payload) or events (a list)',
    );
  }
  const envelope = { event_type: eventType, client_payload: clientPayload };
  const validate = dispatchValidator();
  if (!validate(envelope)) {
    throw new InputError(document.origin, `not a valid irac dispatch: ${describeErrors(validate.errors)}`);
  }
  const source = envelope.client_payload.source;
  const payload = root.child('client_payload') as FieldReader;
  return source === undefined ? { payload } : { payload, source };
}

function objectsOf(items: readonly JsonValue[], document: RawDocument, base: JsonPath): FieldReader[] {
  return items.map((item, i) => {
    if (!isJsonObject(item)) {
      throw new InputError(
        `${document.origin}: ${formatPath([...base, i])}`,
        `expected an event object, got ${jsonTypeOf(item)}`,
      );
    }
    return new FieldReader(item, document.origin, [...base, i]);
  });
}

/** A CloudTrail log file holds its records in Records[]. */
function recordsOf(reader: FieldReader, document: RawDocument): FieldReader[] {
  const records = reader.value.Records;
  if (Array.isArray(records)) return objectsOf(records, document, [...reader.base, 'Records']);
  return [reader];
}

/** The vendor payloads a document carries, in order. */
export function unwrapDocument(document: RawDocument): PayloadUnit[] {
  const { value } = document;
  if (Array.isArray(value)) {
    return objectsOf(value, document, []).flatMap((reader) =>
      recordsOf(reader, document).map((r) => ({ reader: r, document })),
    );
  }
  if (!isJsonObject(value)) {
    throw new InputError(
      document.origin,
      `top level is ${jsonTypeOf(value)}; expected a JSON object or array`,
    );
  }
  if (isDispatch(value)) {
    const { payload, source } = dispatchPayload(document);
    const readers = Object.hasOwn(payload.value, 'event')
      ? [payload.child('event') as FieldReader]
      : payload.children('events');
    return readers.flatMap((reader) =>
      recordsOf(reader, document).map((r) =>
        source ? { reader: r, sourceHint: source, document } : { reader: r, document },
      ),
    );
  }
  return recordsOf(new FieldReader(value, document.origin), document).map((reader) => ({ reader, document }));
}

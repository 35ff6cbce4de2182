// The contract every source implements, and the one place where a normalizer's draft becomes a
// SecurityEvent: display fields neutralized, ids and fingerprint derived, schema validated. A new
// source is a new file in normalizers/ that exports a Normalizer and one line in the registry.

import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { InputError } from '../errors.js';
import { formatPath, type JsonObject, toJsonPointer } from '../json.js';
import type { Indicator, ResourceRef, SecurityEvent, Severity, SourceClass, Vendor } from '../types.js';
import { describeErrors, securityEventValidator } from '../validation.js';
import { DISPLAY_MAX, displayText } from './display.js';
import type { FieldReader } from './fields.js';

export interface Normalizer {
  readonly vendor: Vendor;
  /** What payloads it takes, for `irac normalize --help` and the unknown-source error. */
  readonly accepts: string;
  /** A cheap test of the payload's shape. Detection tries normalizers in registry order. */
  detect(payload: JsonObject): boolean;
  /** One payload can carry several events (Security Hub's findings[], Sentinel's value[]). */
  normalize(payload: FieldReader): EventDraft[];
}

/** What a normalizer knows about one event; buildEvent fills in the rest. */
export interface EventDraft {
  /** The object this event came from: its value is kept as `payload`, its path as `raw_pointer`. */
  readonly from: FieldReader;
  /** The vendor's own id for this event; absent → the id is a hash of the payload's content. */
  readonly vendorId?: string | undefined;
  /** ISO time from FieldReader.time(); absent → the time the event was received. */
  readonly timestamp?: string | undefined;
  readonly source: SourceClass;
  readonly severity: Severity;
  readonly kind: string;
  readonly title?: string | undefined;
  /** The primary resource; defaults to the first of `resources`. */
  readonly resource?: string | undefined;
  readonly resources?: readonly ResourceRef[];
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly actor?: string | undefined;
  readonly indicators?: readonly Indicator[];
  readonly attack?: AttackIds;
  readonly context?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export interface AttackIds {
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
}

/** What the event's document tells about where it came from. */
export interface Provenance {
  readonly vendor: Vendor;
  /** sha256 of the exact bytes of the document or NDJSON line. */
  readonly rawSha256: string;
  /** When the event was received, for payloads that carry no time. */
  readonly receivedAt: string;
}

const TACTIC = /^TA\d{4}$/;
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
const CONTEXT_KEY = /^[a-z][a-z0-9_]{0,63}$/;

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

function eventId(vendor: Vendor, vendorId: string | undefined, payload: JsonObject): string {
  // The vendor id is hashed, never used as is: it becomes a file name in the store.
  const basis = vendorId === undefined ? `content\0${canonicalize(payload)}` : `id\0${vendorId}`;
  return `${vendor}-${sha256Hex(`${vendor}\0${basis}`).slice(0, 32)}`;
}

/** The correlation key: the same vendor reporting the same kind of problem on the same resource by the same actor. */
export function fingerprintOf(event: Pick<SecurityEvent, 'vendor' | 'kind' | 'resource' | 'actor'>): string {
  return sha256Hex(JSON.stringify([event.vendor, event.kind, event.resource, event.actor ?? '']));
}

function neutralizeResource(ref: ResourceRef): ResourceRef | undefined {
  const id = displayText(ref.id);
  if (!id || !/^[a-z0-9]+(\.[a-z0-9_]+)*$/.test(ref.type)) return undefined;
  const out: ResourceRef = { type: ref.type, id };
  const arn = ref.arn === undefined ? undefined : displayText(ref.arn);
  const name = ref.name === undefined ? undefined : displayText(ref.name);
  if (arn) out.arn = arn;
  if (name) out.name = name;
  return out;
}

function uniqueResources(refs: readonly ResourceRef[]): ResourceRef[] {
  const seen = new Set<string>();
  const out: ResourceRef[] = [];
  for (const ref of refs) {
    const clean = neutralizeResource(ref);
    const key = clean && `${clean.type}\0${clean.id}`;
    if (!clean || !key || seen.has(key) || out.length >= 64) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

// Normalizers use a fixed set of context keys: remember the ones already checked.
const checkedContextKeys = new Set<string>();
function isContextKey(key: string): boolean {
  if (checkedContextKeys.has(key)) return true;
  if (!CONTEXT_KEY.test(key)) return false;
  if (checkedContextKeys.size < 10_000) checkedContextKeys.add(key);
  return true;
}

function contextOf(draft: EventDraft): Record<string, string> {
  const context: Record<string, string> = {};
  const source = draft.context;
  if (!source) return context;
  for (const key in source) {
    const value = source[key];
    if (value === undefined || !isContextKey(key)) continue;
    const text = displayText(String(value), 2048);
    if (text !== undefined) context[key] = text;
  }
  return context;
}

/** Turns a normalizer's draft into a validated SecurityEvent. */
export function buildEvent(draft: EventDraft, provenance: Provenance): SecurityEvent {
  const { vendor } = provenance;
  const payload = draft.from.value;
  const resources = uniqueResources(draft.resources ?? []);
  const first = resources[0];
  const kind = displayText(draft.kind, DISPLAY_MAX) ?? 'unknown';
  const resource =
    (draft.resource === undefined ? undefined : displayText(draft.resource)) ??
    first?.arn ??
    (first && `${first.type}:${first.id}`) ??
    'unknown';
  const actor = draft.actor === undefined ? undefined : displayText(draft.actor);
  const context = contextOf(draft);
  if (draft.timestamp === undefined) context.timestamp_origin = 'received';

  const event: SecurityEvent = {
    id: eventId(vendor, draft.vendorId, payload),
    timestamp: draft.timestamp ?? provenance.receivedAt,
    source: draft.source,
    severity: draft.severity,
    vendor,
    kind,
    title: (draft.title === undefined ? undefined : displayText(draft.title)) ?? kind,
    resource,
    resources,
    indicators: [...(draft.indicators ?? [])],
    attack: {
      tactics: [...new Set(draft.attack?.tactics.filter((t) => TACTIC.test(t)))],
      techniques: [...new Set(draft.attack?.techniques.filter((t) => TECHNIQUE.test(t)))],
    },
    fingerprint: '',
    raw_sha256: provenance.rawSha256,
    raw_pointer: toJsonPointer(draft.from.base),
    payload,
    context,
  };
  const vendorId = draft.vendorId === undefined ? undefined : displayText(draft.vendorId);
  if (vendorId) event.vendor_id = vendorId;
  const account = draft.account === undefined ? undefined : displayText(draft.account, 128);
  if (account) event.account = account;
  const region = draft.region === undefined ? undefined : displayText(draft.region, 64);
  if (region) event.region = region;
  if (actor) event.actor = actor;
  event.fingerprint = fingerprintOf(event);

  const validate = securityEventValidator();
  if (!validate(event)) {
    throw new InputError(
      `${draft.from.origin}: ${formatPath(draft.from.base)}`,
      `normalized ${vendor} event is invalid: ${describeErrors(validate.errors)}`,
    );
  }
  return event;
}

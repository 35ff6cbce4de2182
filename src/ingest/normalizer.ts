// The contract every source implements, and the one place where a normalizer's draft becomes a
// SecurityEvent: display fields neutralized, ids and fingerprint derived, schema validated. A new
// source is a new file in normalizers/ that exports a Normalizer and one line in the registry.

import { canonicalJson, sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import { formatPath, type JsonObject, toJsonPointer } from '../json.js';
import type { Indicator, ResourceRef, SecurityEvent, Severity, SourceClass, Vendor } from '../types.js';
import { MAX_ATTACK_IDS } from './attack.js';
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
const RESOURCE_TYPE = /^(?=.{1,64}$)[a-z0-9]+(\.[a-z0-9_]+)*$/;
const MAX_RESOURCES = 64;
const MAX_CONTEXT = 64;
const MAX_POINTER = 1024;

// Values normalizers take from JSON data tables, where TypeScript cannot check them.
const SEVERITIES: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'critical'] satisfies Severity[]);
const SOURCES: ReadonlySet<string> = new Set([
  'siem',
  'cloudtrail',
  'runtime',
  'threatintel',
] satisfies SourceClass[]);

function eventId(vendor: Vendor, vendorId: string | undefined, payload: JsonObject): string {
  // The vendor id is hashed, never used as is: it becomes a file name in the store.
  const basis = vendorId === undefined ? `content\0${canonicalJson(payload)}` : `id\0${vendorId}`;
  return `${vendor}-${sha256Hex(`${vendor}\0${basis}`).slice(0, 32)}`;
}

/**
 * The correlation key: the same vendor reporting the same kind of problem on the same resource by
 * the same actor. Display fields never contain NUL, so joining on it is unambiguous.
 */
export function fingerprintOf(event: {
  readonly vendor: Vendor;
  readonly kind: string;
  readonly resource: string;
  readonly actor?: string | undefined;
}): string {
  return sha256Hex(`${event.vendor}\0${event.kind}\0${event.resource}\0${event.actor ?? ''}`);
}

function optionalText(value: string | undefined, max = DISPLAY_MAX): string | undefined {
  return value === undefined ? undefined : displayText(value, max);
}

function neutralizeResource(ref: ResourceRef): ResourceRef | undefined {
  const id = displayText(ref.id);
  if (!id || !RESOURCE_TYPE.test(ref.type)) return undefined;
  const out: ResourceRef = { type: ref.type, id };
  const arn = optionalText(ref.arn);
  const name = optionalText(ref.name);
  if (arn) out.arn = arn;
  if (name) out.name = name;
  return out;
}

function uniqueResources(refs: readonly ResourceRef[] | undefined): ResourceRef[] {
  const out: ResourceRef[] = [];
  if (!refs) return out;
  for (const ref of refs) {
    const clean = neutralizeResource(ref);
    if (!clean || out.some((r) => r.type === clean.type && r.id === clean.id)) continue;
    out.push(clean);
    if (out.length === MAX_RESOURCES) break;
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

/** At most 64 facts, keys like `vendor_severity`, values neutralized (the payload keeps everything). */
function contextOf(draft: EventDraft): Record<string, string> {
  const context: Record<string, string> = {};
  const source = draft.context;
  if (!source) return context;
  let count = 0;
  for (const key in source) {
    const value = source[key];
    if (value === undefined || !isContextKey(key)) continue;
    const text = displayText(typeof value === 'string' ? value : String(value), 2048);
    if (text === undefined) continue;
    context[key] = text;
    if (++count === MAX_CONTEXT - 1) break; // one place stays free for timestamp_origin
  }
  return context;
}

function validIds(ids: readonly string[] | undefined, pattern: RegExp): string[] {
  const out: string[] = [];
  if (!ids) return out;
  for (const id of ids) {
    if (out.length === MAX_ATTACK_IDS) break;
    if (pattern.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Turns a normalizer's draft into a SecurityEvent that conforms to the schema by construction:
 * every display field goes through displayText, every list is bounded and filtered, ids and hashes
 * are derived here. (Checking each event with ajv as well cost more than parsing it; the test suite
 * validates the output of every corpus file, fixture and property-test input against the schema.)
 */
export function buildEvent(draft: EventDraft, provenance: Provenance): SecurityEvent {
  const { vendor } = provenance;
  if (!SEVERITIES.has(draft.severity) || !SOURCES.has(draft.source)) {
    throw new Error(
      `bug in the ${vendor} normalizer: severity "${draft.severity}", source "${draft.source}"`,
    );
  }
  const from = draft.from;
  const pointer = toJsonPointer(from.base);
  if (pointer.length > MAX_POINTER) {
    throw new InputError(
      `${from.origin}: ${formatPath(from.base)}`,
      'the event is nested under too long a path',
    );
  }
  const resources = uniqueResources(draft.resources);
  const first = resources[0];
  const kind = displayText(draft.kind) ?? 'unknown';
  const resource =
    optionalText(draft.resource) ??
    first?.arn ??
    (first && displayText(`${first.type}:${first.id}`)) ??
    'unknown';
  const actor = optionalText(draft.actor);
  const context = contextOf(draft);
  if (draft.timestamp === undefined) context.timestamp_origin = 'received';

  const event: SecurityEvent = {
    id: eventId(vendor, draft.vendorId, from.value),
    timestamp: draft.timestamp ?? provenance.receivedAt,
    source: draft.source,
    severity: draft.severity,
    vendor,
    kind,
    title: optionalText(draft.title) ?? kind,
    resource,
    resources,
    indicators: draft.indicators ? draft.indicators.slice(0, 256) : [],
    attack: {
      tactics: validIds(draft.attack?.tactics, TACTIC),
      techniques: validIds(draft.attack?.techniques, TECHNIQUE),
    },
    fingerprint: fingerprintOf({ vendor, kind, resource, actor }),
    raw_sha256: provenance.rawSha256,
    raw_pointer: pointer,
    payload: from.value,
    context,
  };
  const vendorId = optionalText(draft.vendorId);
  if (vendorId) event.vendor_id = vendorId;
  const account = optionalText(draft.account, 128);
  if (account) event.account = account;
  const region = optionalText(draft.region, 64);
  if (region) event.region = region;
  if (actor) event.actor = actor;
  return event;
}

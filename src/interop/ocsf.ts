// A SecurityEvent as an OCSF Detection Finding (class 2004, category 2 Findings), for SIEMs and data
// lakes that read OCSF (Amazon Security Lake, Splunk, Sentinel's ASIM importers): `irac normalize
// --format ocsf`. Everything OCSF has an attribute for goes there; what it has none for (the source
// class, the fingerprint, the evidence hashes, the normalizer's context facts) goes under `unmapped`.
//
// irac's own OCSF normalizer reads the result back into an equivalent event (test/interop/ocsf.test.ts):
// that normalizer takes a finding's `kind` from `finding_info.title` when there is one, so the title is
// carried by `message` and `finding_info.desc` and the kind by `metadata.event_code`, and the round
// trip keeps both.

import ocsfResourceTypes from '../ingest/data/ocsf-resource-types.json' with { type: 'json' };
import type { JsonObject } from '../json.js';
import type { Indicator, ResourceRef, SecurityEvent, Severity, Vendor } from '../types.js';

/** The OCSF version the emitted objects follow. */
export const OCSF_VERSION = '1.3.0';

export const DETECTION_FINDING = {
  category_uid: 2,
  category_name: 'Findings',
  class_uid: 2004,
  class_name: 'Detection Finding',
} as const;

/** activity_id 1: the finding was created (irac emits each event once, as it received it). */
const CREATE = 1;

// severity_id of the base event: 2 Low, 3 Medium, 4 High, 5 Critical.
const SEVERITY: Readonly<Record<Severity, { readonly id: number; readonly caption: string }>> = {
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

// Observable type_id (https://schema.ocsf.io/1.3.0/objects/observable).
const OBSERVABLE: Readonly<Record<Indicator['type'], { readonly id: number; readonly caption: string }>> = {
  domain: { id: 1, caption: 'Hostname' },
  ip: { id: 2, caption: 'IP Address' },
  email: { id: 5, caption: 'Email Address' },
  url: { id: 6, caption: 'URL String' },
  md5: { id: 8, caption: 'Hash' },
  sha1: { id: 8, caption: 'Hash' },
  sha256: { id: 8, caption: 'Hash' },
};

/** Where the event's account lives, for the `cloud` object; undefined when the vendor says nothing. */
const PROVIDER: Partial<Record<Vendor, string>> = {
  guardduty: 'AWS',
  cloudtrail: 'AWS',
  securityhub: 'AWS',
  sentinel: 'Azure',
};
const AWS_ACCOUNT = /^\d{12}$/;

/**
 * The OCSF spelling of a dotted resource type: one the OCSF normalizer's table maps back to the same
 * type (`aws.ec2.instance` itself; `Pod` for k8s.pod), else the dotted type as it is.
 */
const OCSF_TYPE_OF: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const table = ocsfResourceTypes.types as Record<string, string>;
  for (const [key, type] of Object.entries(table)) {
    if (!out.has(type)) out.set(type, key);
  }
  return out;
})();

function ocsfType(type: string): string {
  const key = type.toLowerCase().replace(/[^a-z0-9]/g, '');
  const table = ocsfResourceTypes.types as Record<string, string>;
  if (table[key] === type) return type;
  return OCSF_TYPE_OF.get(type) ?? type;
}

function resourceOf(ref: ResourceRef, event: SecurityEvent): JsonObject {
  const out: JsonObject = { uid: ref.arn ?? ref.id, type: ocsfType(ref.type) };
  if (ref.name !== undefined) out.name = ref.name;
  if (event.region !== undefined && ref.type.startsWith('aws.')) out.region = event.region;
  return out;
}

function observableOf(indicator: Indicator): JsonObject {
  const kind = OBSERVABLE[indicator.type];
  return { name: indicator.type, type_id: kind.id, type: kind.caption, value: indicator.value };
}

/** MITRE ATT&CK ids as OCSF attack objects: one per technique, one per tactic. */
function attacksOf(event: SecurityEvent): JsonObject[] {
  return [
    ...event.attack.techniques.map((uid) => ({ technique: { uid } })),
    ...event.attack.tactics.map((uid) => ({ tactic: { uid } })),
  ];
}

function cloudOf(event: SecurityEvent): JsonObject | undefined {
  if (event.account === undefined && event.region === undefined) return undefined;
  // OCSF requires a provider; "Other" where the vendor names none keeps the reader from assuming AWS.
  const provider =
    PROVIDER[event.vendor] ?? (event.account && AWS_ACCOUNT.test(event.account) ? 'AWS' : 'Other');
  const cloud: JsonObject = { provider };
  if (event.account !== undefined) cloud.account = { uid: event.account };
  if (event.region !== undefined) cloud.region = event.region;
  return cloud;
}

/** What OCSF has no attribute for, kept so that nothing the event says is lost. */
function unmappedOf(event: SecurityEvent): JsonObject {
  const irac: JsonObject = {
    event_id: event.id,
    source: event.source,
    vendor: event.vendor,
    resource: event.resource,
    fingerprint: event.fingerprint,
    raw_sha256: event.raw_sha256,
    raw_pointer: event.raw_pointer,
    context: { ...event.context },
  };
  if (event.vendor_id !== undefined) irac.vendor_id = event.vendor_id;
  return { irac };
}

/** The event as an OCSF 1.3 Detection Finding. Pure: the same event gives the same object. */
export function ocsfOf(event: SecurityEvent): JsonObject {
  const time = Date.parse(event.timestamp);
  const severity = SEVERITY[event.severity];
  const cloud = cloudOf(event);
  const attacks = attacksOf(event);
  const findingInfo: JsonObject = {
    uid: event.vendor_id ?? event.id,
    desc: event.title,
    types: [event.kind],
    analytic: { name: event.kind, type_id: 1, type: 'Rule' },
    created_time: time,
    product: { name: event.vendor },
  };
  if (attacks.length > 0) findingInfo.attacks = attacks;
  const finding: JsonObject = {
    activity_id: CREATE,
    activity_name: 'Create',
    ...DETECTION_FINDING,
    type_uid: DETECTION_FINDING.class_uid * 100 + CREATE,
    type_name: `${DETECTION_FINDING.class_name}: Create`,
    severity_id: severity.id,
    severity: severity.caption,
    time,
    time_dt: new Date(time).toISOString(),
    status_id: 1,
    status: 'New',
    is_alert: true,
    message: event.title,
    finding_info: findingInfo,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'irac', vendor_name: 'irac' },
      uid: event.id,
      event_code: event.kind,
      correlation_uid: event.fingerprint,
      profiles: cloud ? ['cloud', 'datetime'] : ['datetime'],
    },
    resources: event.resources.map((ref) => resourceOf(ref, event)),
  };
  if (cloud) finding.cloud = cloud;
  if (event.actor !== undefined) finding.actor = { user: { uid: event.actor } };
  if (event.indicators.length > 0) finding.observables = event.indicators.map(observableOf);
  finding.raw_data = JSON.stringify(event.payload);
  finding.unmapped = unmappedOf(event);
  return finding;
}

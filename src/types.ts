// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * The seed's coarse source class.
 */
export type SourceClass = 'siem' | 'cloudtrail' | 'runtime' | 'threatintel';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
/**
 * Which normalizer produced the event.
 */
export type Vendor =
  | 'guardduty'
  | 'cloudtrail'
  | 'securityhub'
  | 'ocsf'
  | 'falco'
  | 'splunk'
  | 'elastic'
  | 'datadog'
  | 'sentinel'
  | 'generic';
export type Display = string;

/**
 * One security event as irac stores and routes it: the vendor's payload normalized to a common shape. Display fields (title, kind, resource, actor, resources) are neutralized: no control characters, no Slack mentions.
 */
export interface SecurityEvent {
  /**
   * Stable event id: <vendor>-<128-bit hex> derived from the vendor's own id (vendor_id), or from a content hash of the payload when the vendor has none. Never random, never the input verbatim, always safe as a file name.
   */
  id: string;
  /**
   * The vendor's identifier for this event (finding id + update time, CloudTrail eventID, ...), neutralized.
   */
  vendor_id?: string;
  /**
   * When the vendor says the event happened (UTC, ISO 8601). When the payload has no time at all, the time it was received; context.timestamp_origin then says so.
   */
  timestamp: string;
  source: SourceClass;
  severity: Severity;
  vendor: Vendor;
  /**
   * The vendor's finding or rule type (GuardDuty finding type, CloudTrail eventSource:eventName, Falco rule, Splunk search name, ...).
   */
  kind: string;
  /**
   * One-line human summary for tables and notifications.
   */
  title: string;
  /**
   * The primary affected resource: an ARN where one is known, otherwise the most specific identifier (instance id, k8s namespace/pod, host name).
   */
  resource: string;
  /**
   * Every resource the event names, typed so that containment can act on them.
   *
   * @maxItems 64
   */
  resources: ResourceRef[];
  /**
   * Cloud account / subscription / project the event belongs to.
   */
  account?: string;
  region?: string;
  /**
   * The principal that acted (ARN, user name, service account).
   */
  actor?: string;
  /**
   * Observables for threat-intel enrichment, de-duplicated.
   *
   * @maxItems 256
   */
  indicators: Indicator[];
  /**
   * MITRE ATT&CK ids where the event maps to them.
   */
  attack: {
    /**
     * @maxItems 64
     */
    tactics: string[];
    /**
     * @maxItems 64
     */
    techniques: string[];
  };
  /**
   * sha256 over (vendor, kind, resource, actor): events with the same fingerprint are the same problem and correlate into one incident.
   */
  fingerprint: string;
  /**
   * sha256 of the exact bytes received: the whole JSON document, or the NDJSON line, that carried this event.
   */
  raw_sha256: string;
  /**
   * RFC 6901 JSON Pointer from the received document to this event's payload (empty string: the whole document).
   */
  raw_pointer: string;
  /**
   * The vendor's payload for this event, verbatim (evidence; never used for display).
   */
  payload: {
    [k: string]: unknown;
  };
  /**
   * Flat string facts the normalizer found worth keeping (vendor severity, rule id, links, ...).
   */
  context: {
    [k: string]: string;
  };
}
export interface ResourceRef {
  /**
   * Dotted resource type, e.g. aws.ec2.instance, aws.iam.access_key, aws.iam.role, aws.s3.bucket, k8s.pod, container, host.
   */
  type: string;
  id: Display;
  arn?: Display;
  name?: Display;
}
export interface Indicator {
  type: 'ip' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'email';
  value: string;
}

export type ClientPayload = ClientPayload1 & ClientPayload2;
export type ClientPayload1 = {
  [k: string]: unknown;
};

/**
 * The repository_dispatch request a sender POSTs to /repos/{owner}/{repo}/dispatches to report security events to irac. GitHub itself limits event_type to 100 characters and client_payload to 10 top-level properties and less than 64 KB; irac checks the same limits so that what it accepts, GitHub accepts.
 */
export interface Dispatch {
  event_type: 'security-event';
  client_payload: ClientPayload;
}
export interface ClientPayload2 {
  /**
   * Name of the normalizer to use; detected from each event's shape when absent.
   */
  source?:
    | 'guardduty'
    | 'cloudtrail'
    | 'securityhub'
    | 'ocsf'
    | 'falco'
    | 'splunk'
    | 'elastic'
    | 'datadog'
    | 'sentinel'
    | 'generic';
  /**
   * One raw vendor payload.
   */
  event?: {
    [k: string]: unknown;
  };
  /**
   * Several raw vendor payloads.
   *
   * @minItems 1
   */
  events?: [
    {
      [k: string]: unknown;
    },
    ...{
      [k: string]: unknown;
    }[]
  ];
}

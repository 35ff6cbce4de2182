// Where things live in the repository. Every path irac writes is built here from generated ids and
// hex digests, never from input text, and every one of them is under `incidents/`.

import { randomInt } from 'node:crypto';
import { InputError } from '../errors.js';

export const INCIDENTS_DIR = 'incidents';

/** Crockford's base32 in lower case: no i, l, o, u, so an id read aloud or retyped stays the same. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const INCIDENT_ID = /^IR-(\d{4})(\d{2})(\d{2})-[0-9a-hjkmnp-tv-z]{8}$/;

/** A fresh id: `IR-<yyyymmdd>-<8 random characters>` (40 random bits), dated by `now` in UTC. */
export function newIncidentId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `IR-${day}-${suffix}`;
}

export function isIncidentId(text: string): boolean {
  return INCIDENT_ID.test(text);
}

/** Rejects anything that is not an incident id before it comes near a path. */
export function checkIncidentId(text: string, where = 'incident id'): string {
  if (!isIncidentId(text)) {
    throw new InputError(
      where,
      `${JSON.stringify(text.slice(0, 80))} is not an incident id (IR-yyyymmdd-xxxxxxxx)`,
    );
  }
  return text;
}

/** `incidents/<yyyy>/<mm>/<id>`: the date part of the id places it, so no lookup is needed. */
export function incidentDir(id: string): string {
  const match = INCIDENT_ID.exec(id);
  if (!match) throw new Error(`not an incident id: ${id}`);
  return `${INCIDENTS_DIR}/${match[1]}/${match[2]}/${id}`;
}

export const incidentFile = (id: string) => `${incidentDir(id)}/incident.yaml`;
export const auditFile = (id: string) => `${incidentDir(id)}/audit.jsonl`;
export const readmeFile = (id: string) => `${incidentDir(id)}/README.md`;
export const eventFile = (id: string, eventId: string) => `${incidentDir(id)}/events/${eventId}.json`;
export const rawFile = (id: string, eventId: string) => `${incidentDir(id)}/events/${eventId}.raw.json`;

/**
 * Index files: one small file per key, sharded by the key's first two hex digits, so a lookup is one
 * object read whatever the size of the store, and writers of different keys never touch the same file.
 */
export const INDEX_DIR = `${INCIDENTS_DIR}/.index`;
const EVENT_ID = /^([a-z]+)-([0-9a-f]{2})[0-9a-f]{30}$/;
const FINGERPRINT = /^([0-9a-f]{2})[0-9a-f]{62}$/;

/** `incidents/.index/events/<2 hex>/<event id>`: holds the id of the incident that recorded the event. */
export function eventIndexFile(eventId: string): string {
  const match = EVENT_ID.exec(eventId);
  if (!match) throw new Error(`not an event id: ${eventId}`);
  return `${INDEX_DIR}/events/${match[2]}/${eventId}`;
}

/** `incidents/.index/fingerprints/<2 hex>/<fingerprint>`: the latest incident opened for that key. */
export function fingerprintIndexFile(fingerprint: string): string {
  const match = FINGERPRINT.exec(fingerprint);
  if (!match) throw new Error(`not a fingerprint: ${fingerprint}`);
  return `${INDEX_DIR}/fingerprints/${match[1]}/${fingerprint}`;
}

/** What a path under incidents/ is, for verify: an incident's file, an index file, or a stranger. */
export type StorePath =
  | { readonly kind: 'incident' | 'audit' | 'readme'; readonly incident: string }
  | { readonly kind: 'event' | 'raw'; readonly incident: string; readonly event: string }
  | { readonly kind: 'event-index'; readonly event: string }
  | { readonly kind: 'fingerprint-index'; readonly fingerprint: string }
  | { readonly kind: 'unknown' };

const INCIDENT_PATH =
  /^incidents\/(\d{4})\/(\d{2})\/(IR-\d{8}-[0-9a-hjkmnp-tv-z]{8})\/(incident\.yaml|audit\.jsonl|README\.md|events\/([a-z]+-[0-9a-f]{32})(\.raw)?\.json)$/;
const INDEX_PATH = /^incidents\/\.index\/(events|fingerprints)\/([0-9a-f]{2})\/([a-z0-9-]+)$/;

export function classifyPath(path: string): StorePath {
  const incident = INCIDENT_PATH.exec(path);
  if (incident) {
    const id = incident[3] as string;
    if (incidentDir(id) !== `incidents/${incident[1]}/${incident[2]}/${id}`) return { kind: 'unknown' };
    const file = incident[4] as string;
    if (file === 'incident.yaml') return { kind: 'incident', incident: id };
    if (file === 'audit.jsonl') return { kind: 'audit', incident: id };
    if (file === 'README.md') return { kind: 'readme', incident: id };
    return { kind: incident[6] ? 'raw' : 'event', incident: id, event: incident[5] as string };
  }
  const index = INDEX_PATH.exec(path);
  if (index) {
    const key = index[3] as string;
    if (index[1] === 'events' && EVENT_ID.test(key) && eventIndexFile(key) === path) {
      return { kind: 'event-index', event: key };
    }
    if (index[1] === 'fingerprints' && FINGERPRINT.test(key) && fingerprintIndexFile(key) === path) {
      return { kind: 'fingerprint-index', fingerprint: key };
    }
  }
  return { kind: 'unknown' };
}

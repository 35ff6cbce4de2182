// Where things live in the repository. Every path irac writes is built here from generated ids and
// hex digests, never from input text, and every one of them is under `incidents/`.

import { randomInt } from 'node:crypto';
import { sha256Hex } from '../digest.js';
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

/**
 * History indexes: for a key — a fingerprint, a resource, an actor — every incident that has it, one
 * line each (`<incident id> <opened>`), in the order irac recorded them. The last line of a fingerprint's
 * file is the incident an event may correlate with; triage counts past incidents from all three.
 */
export const KEY_INDEXES = ['fingerprints', 'resources', 'actors'] as const;
export type KeyIndex = (typeof KEY_INDEXES)[number];

/**
 * `incidents/.index/<index>/<2 hex>/<key>`. A fingerprint is its own key; a resource or an actor, which
 * are text from events, is keyed by its sha256, so no input ever names a path.
 */
export function keyIndexFile(index: KeyIndex, value: string): string {
  const key = index === 'fingerprints' ? value : sha256Hex(value);
  if (!FINGERPRINT.test(key)) throw new Error(`not a fingerprint: ${key}`);
  return `${INDEX_DIR}/${index}/${key.slice(0, 2)}/${key}`;
}

export interface KeyIndexLine {
  readonly incident: string;
  readonly opened: string;
  /** `opened` in epoch milliseconds. */
  readonly openedMs: number;
}

export function keyIndexLine(incident: string, opened: string): string {
  return `${incident} ${opened}\n`;
}

/**
 * How many incidents a history index file lists: the most recent ones. Triage's measures saturate
 * long before (history_saturation, max_incidents), and a key behind every incident — one role making
 * every API call — must not make each ingest read and rewrite a file the size of the store.
 */
export const KEY_INDEX_LIMIT = 256;

/** One line of an index file, or undefined when it is not `<incident id> <opened>`. */
export function parseKeyIndexLine(line: string): KeyIndexLine | undefined {
  const [incident = '', opened = '', ...rest] = line.split(' ');
  const openedMs = Date.parse(opened);
  return isIncidentId(incident) && rest.length === 0 && !Number.isNaN(openedMs)
    ? { incident, opened, openedMs }
    : undefined;
}

/** The lines of an index file that are well formed; verify reports the others. */
export function parseKeyIndex(text: string): KeyIndexLine[] {
  return text.split('\n').flatMap((line) => parseKeyIndexLine(line) ?? []);
}

/** The index file with `incident` added as its newest line, the oldest dropped past the limit. */
export function withKeyIndexLine(text: string, incident: string, opened: string): string | undefined {
  const lines = parseKeyIndex(text);
  if (lines.some((line) => line.incident === incident)) return undefined;
  return [...lines.map((line) => keyIndexLine(line.incident, line.opened)), keyIndexLine(incident, opened)]
    .slice(-KEY_INDEX_LIMIT)
    .join('');
}

/**
 * Blast-radius budget ledgers: for one budget's action and scope (an account, an account and region, or
 * everything), one line per target a live run was allowed to act on — `<incident id> <at> <step>` — written
 * in the same commit as the step's `running` entry, so concurrent runs cannot both take the last unit.
 * `incidents/.index/budgets/<2 hex>/<sha256 of the scope>`.
 */
export function budgetIndexFile(scope: string): string {
  const key = sha256Hex(scope);
  return `${INDEX_DIR}/budgets/${key.slice(0, 2)}/${key}`;
}

/** How many lines a budget ledger keeps: more than any budget's max, which is at most 1000. */
export const BUDGET_INDEX_LIMIT = 1000;

export const triageFile = (id: string) => `${incidentDir(id)}/triage.json`;
export const planFile = (id: string) => `${incidentDir(id)}/plan.json`;
/** A plan step's record: what it changed and undo restores (and a lookup's evidence), as last journaled. */
export const stepFile = (id: string, step: string) => `${incidentDir(id)}/steps/${step}.json`;

/** What a path under incidents/ is, for verify: an incident's file, an index file, or a stranger. */
export type StorePath =
  | { readonly kind: 'incident' | 'audit' | 'readme' | 'triage' | 'plan'; readonly incident: string }
  | { readonly kind: 'event' | 'raw'; readonly incident: string; readonly event: string }
  | { readonly kind: 'step'; readonly incident: string; readonly step: string }
  | { readonly kind: 'event-index'; readonly event: string }
  | { readonly kind: 'key-index'; readonly index: KeyIndex; readonly key: string }
  | { readonly kind: 'budget-index'; readonly key: string }
  | { readonly kind: 'store-readme' }
  | { readonly kind: 'unknown' };

/** The store's own README, regenerated by `irac metrics --write`: open incidents, breaches, a chart. */
export const STORE_README_FILE = `${INCIDENTS_DIR}/README.md`;

const INCIDENT_PATH =
  /^incidents\/(\d{4})\/(\d{2})\/(IR-\d{8}-[0-9a-hjkmnp-tv-z]{8})\/(incident\.yaml|audit\.jsonl|README\.md|triage\.json|plan\.json|events\/([a-z]+-[0-9a-f]{32})(\.raw)?\.json|steps\/([a-z0-9][a-z0-9-]{0,63}(?:\.[1-9][0-9]{0,2})?)\.json)$/;
const INDEX_PATH =
  /^incidents\/\.index\/(events|fingerprints|resources|actors|budgets)\/([0-9a-f]{2})\/([a-z0-9-]+)$/;
const FILE_KINDS = {
  'incident.yaml': 'incident',
  'audit.jsonl': 'audit',
  'README.md': 'readme',
  'triage.json': 'triage',
  'plan.json': 'plan',
} as const;

export function classifyPath(path: string): StorePath {
  if (path === STORE_README_FILE) return { kind: 'store-readme' };
  const incident = INCIDENT_PATH.exec(path);
  if (incident) {
    const id = incident[3] as string;
    if (incidentDir(id) !== `incidents/${incident[1]}/${incident[2]}/${id}`) return { kind: 'unknown' };
    const file = incident[4] as string;
    if (file in FILE_KINDS) return { kind: FILE_KINDS[file as keyof typeof FILE_KINDS], incident: id };
    if (incident[7]) return { kind: 'step', incident: id, step: incident[7] };
    return { kind: incident[6] ? 'raw' : 'event', incident: id, event: incident[5] as string };
  }
  const index = INDEX_PATH.exec(path);
  if (index) {
    const [, name = '', shard = '', key = ''] = index;
    if (name === 'events') {
      if (EVENT_ID.test(key) && eventIndexFile(key) === path) return { kind: 'event-index', event: key };
    } else if (FINGERPRINT.test(key) && key.startsWith(shard)) {
      if (name === 'budgets') return { kind: 'budget-index', key };
      return { kind: 'key-index', index: name as KeyIndex, key };
    }
  }
  return { kind: 'unknown' };
}

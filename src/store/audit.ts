// The per-incident audit trail, `audit.jsonl`: append-only, one JSON object per line, hash-chained.
// Each entry's hash is the sha256 of its canonical JSON (RFC 8785: sorted keys, fixed number form)
// without the hash field, and each entry names the previous entry's hash, so anyone can recompute the
// chain with any JSON library and a changed byte, a deleted line or a reordered line shows.

import { canonicalJson, sha256Hex } from '../digest.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** What the caller records; seq, prev and hash are the chain's. */
export interface AuditRecord {
  /** ISO 8601 time of the action. */
  readonly at: string;
  /** Who acted: a user, a workflow run, `irac`. */
  readonly actor: string;
  /** What happened: `ingest`, `triage`, `approve`, `execute:<step>`, ... */
  readonly action: string;
  readonly incident: string;
  readonly data: JsonObject;
}

export interface AuditEntry extends AuditRecord {
  readonly seq: number;
  readonly prev: string;
  readonly hash: string;
}

/** The `prev` of the first entry: no entry before it. */
export const GENESIS = '0'.repeat(64);

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(canonicalJson(entry));
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** The entry that would follow the chain in `text` (verified first), and the line to append for it. */
export function nextEntry(text: string, record: AuditRecord): { entry: AuditEntry; line: string } {
  const last = lines(text).at(-1);
  const previous = last === undefined ? undefined : (JSON.parse(last) as AuditEntry);
  const body = {
    seq: previous ? previous.seq + 1 : 1,
    at: record.at,
    actor: record.actor,
    action: record.action,
    incident: record.incident,
    data: record.data,
    prev: previous ? previous.hash : GENESIS,
  };
  const entry: AuditEntry = { ...body, hash: entryHash(body) };
  return { entry, line: `${JSON.stringify(entry)}\n` };
}

const FIELDS = ['seq', 'at', 'actor', 'action', 'incident', 'data', 'prev', 'hash'] as const;
const HEX64 = /^[0-9a-f]{64}$/;

function shapeProblem(value: JsonValue): string | undefined {
  if (!isJsonObject(value)) return 'is not a JSON object';
  const keys = Object.keys(value);
  const missing = FIELDS.filter((field) => !Object.hasOwn(value, field));
  if (missing.length > 0) return `lacks ${missing.join(', ')}`;
  const extra = keys.filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (extra.length > 0) return `has unexpected ${extra.join(', ')}`;
  if (!Number.isSafeInteger(value.seq)) return 'seq is not an integer';
  for (const field of ['at', 'actor', 'action', 'incident'] as const) {
    if (typeof value[field] !== 'string') return `${field} is not a string`;
  }
  if (!isJsonObject(value.data)) return 'data is not an object';
  if (typeof value.prev !== 'string' || !HEX64.test(value.prev)) return 'prev is not a sha256';
  if (typeof value.hash !== 'string' || !HEX64.test(value.hash)) return 'hash is not a sha256';
  return undefined;
}

/**
 * Every problem in an audit trail, as `<path>:<line>: what`: lines that do not parse or lack fields,
 * hashes that do not match the entry, links to the wrong previous entry, sequence gaps, and entries
 * for another incident. An empty list means the chain is intact.
 */
export function verifyChain(text: string, path: string, incident: string): string[] {
  const problems: string[] = [];
  let previous: AuditEntry | undefined;
  const all = text.split('\n');
  if (text !== '' && !text.endsWith('\n'))
    problems.push(`${path}:${all.length}: last line is not terminated`);
  all.forEach((line, index) => {
    const where = `${path}:${index + 1}`;
    if (line === '') {
      if (index < all.length - 1) problems.push(`${where}: empty line inside the chain`);
      return;
    }
    let value: JsonValue;
    try {
      value = JSON.parse(line) as JsonValue;
    } catch {
      problems.push(`${where}: not JSON`);
      previous = undefined;
      return;
    }
    const shape = shapeProblem(value);
    if (shape) {
      problems.push(`${where}: entry ${shape}`);
      previous = undefined;
      return;
    }
    const entry = value as unknown as AuditEntry;
    const { hash, ...body } = entry;
    if (entryHash(body) !== hash) problems.push(`${where}: hash does not match the entry (altered)`);
    if (entry.incident !== incident)
      problems.push(`${where}: entry belongs to ${entry.incident}, not ${incident}`);
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq) problems.push(`${where}: seq ${entry.seq}, expected ${expectedSeq}`);
    const expectedPrev = previous ? previous.hash : GENESIS;
    if (entry.prev !== expectedPrev) problems.push(`${where}: prev does not name the entry before it`);
    previous = entry;
  });
  return problems;
}

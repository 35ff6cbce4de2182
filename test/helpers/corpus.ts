// The shared corpus of real vendor payloads (../shared/corpus beside the repository, or $IRAC_CORPUS).
// Users' clones do not have it, CI does: corpus tests skip when it is absent; the project's own
// fixtures under test/fixtures/ always run.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { readDocuments } from '../../src/ingest/documents.js';
import { unwrapDocument } from '../../src/ingest/envelopes.js';
import { type NormalizeOptions, normalizeInput } from '../../src/ingest/normalize.js';
import { formatPath, isJsonObject, type JsonObject, type JsonValue } from '../../src/json.js';
import type { SecurityEvent, Vendor } from '../../src/types.js';
import { describeErrors, securityEventValidator } from '../../src/validation.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CORPUS_DIR = process.env.IRAC_CORPUS ?? resolve(REPO_ROOT, '../shared/corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);
export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');
/** The receivedAt of every input the tests normalize, so events that carry no time are reproducible. */
export const RECEIVED_AT = '2026-01-01T00:00:00.000Z';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Every .json / .ndjson file below a corpus folder, as absolute paths; [] without the corpus. */
export function corpusFiles(folder: string): string[] {
  const dir = join(CORPUS_DIR, folder);
  if (!existsSync(dir)) return [];
  return walk(dir).filter((f) => /\.(json|ndjson)$/.test(f));
}

/** Every file below a folder of test/fixtures. */
export function fixtureFiles(folder: string): string[] {
  const dir = join(FIXTURES_DIR, folder);
  return existsSync(dir) ? walk(dir).filter((f) => /\.(json|ndjson)$/.test(f)) : [];
}

/** A fixture file of test/fixtures/<folder>/, parsed. */
export function fixtureJson(folder: string, name: string): JsonObject {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, folder, name), 'utf8')) as JsonObject;
}

/** A path shortened for test names. */
export function shortName(file: string): string {
  return relative(file.startsWith(CORPUS_DIR) ? CORPUS_DIR : FIXTURES_DIR, file);
}

/** Events are valid by construction; the tests hold buildEvent to that, on every event they see. */
export function assertValidEvents(events: readonly SecurityEvent[]): SecurityEvent[] {
  const validate = securityEventValidator();
  for (const event of events) {
    const { id } = event;
    if (!validate(event)) throw new Error(`${id} breaks the schema: ${describeErrors(validate.errors)}`);
  }
  return [...events];
}

export function normalizeFile(file: string, options: NormalizeOptions = {}): SecurityEvent[] {
  const input = readFileSync(file);
  return assertValidEvents(
    normalizeInput(input, { name: shortName(file), receivedAt: RECEIVED_AT, ...options }),
  );
}

/** A file's events as normalizeFile gives them, the source detected; fails unless every one is of `vendor`. */
export function eventsDetectedAs(vendor: Vendor, file: string): SecurityEvent[] {
  const events = normalizeFile(file);
  const others = events.filter((event) => event.vendor !== vendor);
  if (others.length > 0) {
    const found = others.map((event) => `${event.raw_pointer || '/'} as ${event.vendor}`).join(', ');
    throw new Error(`${shortName(file)}: detected ${found}, expected ${vendor}`);
  }
  return events;
}

export type ValueOptions = Omit<NormalizeOptions, 'name'>;

/** Normalizes a JSON value as the content of a file called `name` (the name errors start with). */
export function normalizeValue(value: unknown, name: string, options: ValueOptions = {}): SecurityEvent[] {
  return assertValidEvents(
    normalizeInput(Buffer.from(JSON.stringify(value)), { name, receivedAt: RECEIVED_AT, ...options }),
  );
}

/** The one event a JSON value normalizes to; fails when it gives more or fewer. */
export function oneEvent(value: unknown, name: string, options: ValueOptions = {}): SecurityEvent {
  const events = normalizeValue(value, name, options);
  if (events.length !== 1) throw new Error(`expected one event, got ${events.length}`);
  return events[0] as SecurityEvent;
}

/** The InputError a JSON value must be refused with; fails when it is accepted or fails otherwise. */
export function inputError(value: unknown, name: string, options: ValueOptions = {}): InputError {
  try {
    normalizeValue(value, name, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${name}: accepted, expected an InputError`);
}

/** The message of that InputError: `<name>: $.path: what is wrong`. */
export function rejection(value: unknown, name: string, options: ValueOptions = {}): string {
  return inputError(value, name, options).message;
}

/** First match wins. Paths are relative to the corpus root. */
const CORPUS_EXPECTATIONS: readonly [RegExp, Vendor | 'unknown'][] = [
  [/^guardduty\//, 'guardduty'],
  [/^cloudtrail\//, 'cloudtrail'],
  [/^securityhub-asff\//, 'securityhub'],
  [/^falco\//, 'falco'],
  [/^splunk\//, 'splunk'],
  [/^elastic\//, 'elastic'],
  [/^datadog\//, 'datadog'],
  [/^sentinel\//, 'sentinel'],
  // The raw vendor events the OCSF examples were mapped from: irac reads the AWS and Falco ones natively.
  [/^ocsf\/ocsf-examples\/raw-inputs\/.*CloudTrail/, 'cloudtrail'],
  [/^ocsf\/ocsf-examples\/raw-inputs\/.*Security_Hub/, 'securityhub'],
  [/^ocsf\/ocsf-examples\/raw-inputs\/.*Falco/, 'falco'],
  [/^ocsf\/ocsf-examples\/raw-inputs\/.*SSC__samples/, 'ocsf'], // already OCSF (Security Finding 2001)
  [/^ocsf\/ocsf-examples\/raw-inputs\//, 'unknown'], // Okta, GitHub audit, Zeek, QRadar, O365, WAF, VPC flow, Route 53, EKS audit
  [/^ocsf\//, 'ocsf'],
];

/** Which source a corpus file (path relative to the corpus root) holds, or 'unknown' for no source irac reads. */
export function corpusExpectation(path: string): Vendor | 'unknown' | undefined {
  return CORPUS_EXPECTATIONS.find(([pattern]) => pattern.test(path))?.[1];
}

/** An Azure REST API example (the Sentinel corpus files) is request parameters and responses: the payload is the 200 body. */
function apiExampleBody(value: JsonValue): JsonObject | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.responses)) return undefined;
  const ok = value.responses['200'];
  return isJsonObject(ok) && isJsonObject(ok.body) ? ok.body : undefined;
}

/** The payload of a REST API example file; fails for any other file. */
export function exampleBody(file: string): JsonObject {
  const body = apiExampleBody(JSON.parse(readFileSync(file, 'utf8')) as JsonValue);
  if (!body) throw new Error(`${shortName(file)} is not a REST API example with a 200 response body`);
  return body;
}

/**
 * Every vendor payload a file carries, named, as detection sees it: a document, an array's items,
 * NDJSON lines, Records[], a dispatch's events; and the body of a REST API example.
 */
export function payloadsOf(file: string): [string, JsonObject][] {
  const payloads: [string, JsonObject][] = [];
  for (const document of readDocuments(readFileSync(file), shortName(file))) {
    for (const { reader } of unwrapDocument(document)) {
      payloads.push([`${reader.origin} ${formatPath(reader.base)}`, reader.value]);
      const body = apiExampleBody(reader.value);
      if (body) payloads.push([`${reader.origin} $.responses["200"].body`, body]);
    }
  }
  return payloads;
}

/**
 * Every payload of the corpus files that hold another source than `vendor` (or none irac reads), for
 * tests that a normalizer claims none of them. Fails when a file yields none, so the check is never vacuous.
 */
export function payloadsOfOtherVendors(vendor: Vendor): [string, JsonObject][] {
  return corpusFiles('')
    .filter((file) => corpusExpectation(shortName(file)) !== vendor)
    .flatMap((file) => {
      const payloads = payloadsOf(file);
      if (payloads.length === 0) throw new Error(`${shortName(file)} holds no payload`);
      return payloads;
    });
}

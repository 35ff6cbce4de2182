// Bytes in, JSON documents out. A document is one whole JSON text, or one line of NDJSON. The
// limits are enforced here, before any code recurses into a payload: size per document, nesting
// depth, and keys that could pollute prototypes downstream.

import { isUtf8 } from 'node:buffer';
import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import { formatPath, isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../json.js';
import { displayText } from './display.js';

export interface Limits {
  /** Largest JSON document (or NDJSON line) accepted, in bytes. */
  readonly maxPayloadBytes: number;
  /** Deepest nesting accepted; the top-level object is depth 1. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxPayloadBytes: 1024 * 1024, maxDepth: 64 };

export interface RawDocument {
  /** `file.json` for a whole document, `file.ndjson:12` for a line. */
  readonly origin: string;
  readonly value: JsonValue;
  /** sha256 of the document's exact bytes (an NDJSON line without its line break). */
  readonly sha256: string;
  /** Those bytes: what the store keeps as evidence. */
  readonly bytes: Uint8Array;
}

/**
 * Prototype poisoning, as secure-json-parse defines it: a `__proto__` key anywhere (it rewrites a
 * prototype the moment code copies the object with Object.assign or a merge), and `constructor`
 * holding an object with `prototype` (the `constructor.prototype` path). A lone `constructor` or
 * `prototype` key is data — an AWS tag key, a Kubernetes label — and rejecting it would let anyone
 * who can name a tag make irac refuse the real events around it. JSON.parse makes every key an own
 * property, and every read in irac is own-property only (FieldReader, Maps for data tables).
 */
function isPoisonKey(key: string, value: JsonValue | undefined): boolean {
  if (key === '__proto__') return true;
  return key === 'constructor' && isJsonObject(value) && Object.hasOwn(value, 'prototype');
}
const NEWLINE = 0x0a;

function parseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${displayText(message, 160) ?? 'does not parse'}`;
}

export interface StructureProblem {
  readonly path: JsonPath;
  readonly what: string;
}

/**
 * Where a parsed value breaks the limits: nesting deeper than maxDepth, or a prototype-polluting key.
 * Recursion stops at the depth limit, so hostile nesting cannot overflow the stack; the path is only
 * built when there is a problem (this runs for every event, and allocating paths dominated its cost).
 */
export function structureProblem(value: JsonValue, maxDepth: number): StructureProblem | undefined {
  const problem = findProblem(value, 1, maxDepth);
  if (!problem) return undefined;
  const path = locateProblem(value, [], maxDepth) ?? [];
  if (problem === 'depth') return { path, what: `nesting is deeper than ${maxDepth} levels` };
  return { path, what: `key "${String(path[path.length - 1])}" is not accepted (prototype pollution guard)` };
}

function checkStructure(value: JsonValue, origin: string, maxDepth: number): void {
  const problem = structureProblem(value, maxDepth);
  if (problem) throw new InputError(`${origin}: ${formatPath(problem.path)}`, problem.what);
}

/**
 * A JSON document a vendor embeds as a string (CloudTrail lookup-events' CloudTrailEvent, IAM policy
 * documents), parsed under the same limits as a received document.
 */
export function parseEmbeddedJson(
  text: string,
  limits: Limits = DEFAULT_LIMITS,
): { readonly value: JsonValue } | StructureProblem {
  if (text.length > limits.maxPayloadBytes) {
    return { path: [], what: `is ${text.length} characters; the limit is ${limits.maxPayloadBytes}` };
  }
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    return { path: [], what: parseError(error) };
  }
  return structureProblem(value, limits.maxDepth) ?? { value };
}

type Problem = 'depth' | 'key' | undefined;

function findProblem(node: JsonValue, depth: number, maxDepth: number): Problem {
  if (Array.isArray(node)) {
    for (const item of node) {
      if (typeof item === 'object' && item !== null) {
        if (depth >= maxDepth) return 'depth';
        const problem = findProblem(item, depth + 1, maxDepth);
        if (problem) return problem;
      }
    }
    return undefined;
  }
  for (const key in node as JsonObject) {
    const item = (node as JsonObject)[key] as JsonValue;
    if (isPoisonKey(key, item)) return 'key';
    if (typeof item === 'object' && item !== null) {
      if (depth >= maxDepth) return 'depth';
      const problem = findProblem(item, depth + 1, maxDepth);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The path to the first problem findProblem reported (slow, runs once, on rejection). */
function locateProblem(node: JsonValue, path: (string | number)[], maxDepth: number): JsonPath | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (path.length >= maxDepth) return path;
  const entries: [string | number, JsonValue][] = Array.isArray(node)
    ? node.map((item, i) => [i, item])
    : Object.keys(node).map((key) => [key, node[key] as JsonValue]);
  for (const [key, item] of entries) {
    if (typeof key === 'string' && isPoisonKey(key, item)) return [...path, key];
    const found = locateProblem(item, [...path, key], maxDepth);
    if (found) return found;
  }
  return undefined;
}

function tooLarge(origin: string, bytes: number, limits: Limits): InputError {
  return new InputError(
    origin,
    `payload is ${bytes} bytes; the limit is ${limits.maxPayloadBytes} (--max-bytes raises it)`,
  );
}

function document(bytes: Uint8Array, text: string, origin: string, limits: Limits): RawDocument {
  if (bytes.length > limits.maxPayloadBytes) throw tooLarge(origin, bytes.length, limits);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new InputError(origin, parseError(error));
  }
  checkStructure(value, origin, limits.maxDepth);
  return { origin, value, sha256: sha256Hex(bytes), bytes };
}

function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // A JSON text starts with { [ " or a literal: only blank lines need the full check.
  if (first !== 0x20 && first !== 0x09 && first !== 0x0d && first !== 0x0a && !Number.isNaN(first))
    return false;
  return text.trim() === '';
}

/** JSON's insignificant whitespace only, checked on bytes so a large input is not decoded for it. */
function isBlankBytes(buffer: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = buffer[i];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}

/**
 * Splits input into documents: the whole input when it is one JSON text, otherwise one document per
 * non-blank line (NDJSON). `name` is how errors refer to the input.
 */
export function* readDocuments(input: Uint8Array, name: string, limits: Limits = DEFAULT_LIMITS) {
  if (!isUtf8(input)) throw new InputError(name, 'input is not valid UTF-8 text');
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  if (isBlankBytes(buffer, bom, buffer.length)) throw new InputError(name, 'input is empty');

  const firstBreak = buffer.indexOf(NEWLINE, bom);
  const multiLine = firstBreak !== -1 && !isBlankBytes(buffer, firstBreak + 1, buffer.length);
  if (!multiLine) {
    // Checked before decoding: a string of a 600 MB document would pass V8's limit on string length.
    if (buffer.length > limits.maxPayloadBytes) throw tooLarge(name, buffer.length, limits);
    yield document(buffer, buffer.toString('utf8', bom), name, limits);
    return;
  }
  const ndjson = firstLineIsJson(buffer, bom, firstBreak);
  if (buffer.length <= limits.maxPayloadBytes) {
    let value: JsonValue | undefined;
    try {
      value = JSON.parse(buffer.toString('utf8', bom)) as JsonValue;
    } catch (error) {
      // A pretty-printed document that fails to parse is reported as such, not as bad NDJSON.
      if (!ndjson) throw new InputError(name, parseError(error));
    }
    if (value !== undefined) {
      checkStructure(value, name, limits.maxDepth);
      yield { origin: name, value, sha256: sha256Hex(buffer), bytes: buffer };
      return;
    }
  } else if (!ndjson) {
    throw tooLarge(name, buffer.length, limits);
  }
  yield* readLines(buffer, bom, name, limits);
}

function firstLineIsJson(buffer: Buffer, start: number, end: number): boolean {
  try {
    JSON.parse(buffer.toString('utf8', start, end));
    return true;
  } catch {
    return false;
  }
}

function* readLines(buffer: Buffer, start: number, name: string, limits: Limits): Generator<RawDocument> {
  let line = 0;
  for (let begin = start; begin < buffer.length; ) {
    line++;
    const newline = buffer.indexOf(NEWLINE, begin);
    const next = newline === -1 ? buffer.length : newline + 1;
    let end = newline === -1 ? buffer.length : newline;
    if (end > begin && buffer[end - 1] === 0x0d) end--; // CRLF
    const bytes = buffer.subarray(begin, end);
    begin = next;
    const origin = `${name}:${line}`;
    if (bytes.length > limits.maxPayloadBytes) throw tooLarge(origin, bytes.length, limits);
    const text = bytes.toString('utf8');
    if (isBlank(text)) continue;
    yield document(bytes, text, origin, limits);
  }
}

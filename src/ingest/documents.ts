// Bytes in, JSON documents out. A document is one whole JSON text, or one line of NDJSON. The
// limits are enforced here, before any code recurses into a payload: size per document, nesting
// depth, and keys that could pollute prototypes downstream.

import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import { formatPath, type JsonPath, type JsonValue } from '../json.js';
import { displayText } from './display.js';
import { sha256Hex } from './normalizer.js';

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
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NEWLINE = 0x0a;

function parseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${displayText(message, 160) ?? 'does not parse'}`;
}

/** Rejects nesting deeper than the limit and prototype-polluting keys, without deep recursion. */
function checkStructure(value: JsonValue, origin: string, maxDepth: number): void {
  const walk = (node: JsonValue, path: (string | number)[]): void => {
    if (typeof node !== 'object' || node === null) return;
    if (path.length >= maxDepth) {
      throw new InputError(`${origin}: ${formatPath(path)}`, `nesting is deeper than ${maxDepth} levels`);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i] as JsonValue;
        if (typeof item === 'object' && item !== null) walk(item, [...path, i]);
      }
      return;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new InputError(
          `${origin}: ${formatPath([...path, key] as JsonPath)}`,
          `key "${key}" is not accepted (prototype pollution guard)`,
        );
      }
      const item = node[key] as JsonValue;
      if (typeof item === 'object' && item !== null) walk(item, [...path, key]);
    }
  };
  walk(value, []);
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
  return { origin, value, sha256: sha256Hex(bytes) };
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Splits input into documents: the whole input when it is one JSON text, otherwise one document per
 * non-blank line (NDJSON). `name` is how errors refer to the input.
 */
export function* readDocuments(input: Uint8Array, name: string, limits: Limits = DEFAULT_LIMITS) {
  if (!isUtf8(input)) throw new InputError(name, 'input is not valid UTF-8 text');
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const whole = buffer.toString('utf8', bom);
  if (isBlank(whole)) throw new InputError(name, 'input is empty');

  const firstBreak = buffer.indexOf(NEWLINE, bom);
  const multiLine = firstBreak !== -1 && !isBlank(buffer.toString('utf8', firstBreak + 1));
  if (!multiLine) {
    yield document(buffer, whole, name, limits);
    return;
  }
  const ndjson = firstLineIsJson(buffer, bom, firstBreak);
  if (buffer.length <= limits.maxPayloadBytes) {
    let value: JsonValue | undefined;
    try {
      value = JSON.parse(whole) as JsonValue;
    } catch (error) {
      // A pretty-printed document that fails to parse is reported as such, not as bad NDJSON.
      if (!ndjson) throw new InputError(name, parseError(error));
    }
    if (value !== undefined) {
      checkStructure(value, name, limits.maxDepth);
      yield { origin: name, value, sha256: sha256Hex(buffer) };
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

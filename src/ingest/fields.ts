// Typed, hostile-input-safe access to a vendor payload. Every normalizer reads through a FieldReader,
// so a field of the wrong type is always reported the same way — with the document, the line and the
// JSON path — instead of surfacing as a TypeError three stages later.

import { InputError } from '../errors.js';
import {
  formatPath,
  isJsonObject,
  type JsonObject,
  type JsonPath,
  type JsonValue,
  jsonTypeOf,
} from '../json.js';
import { quoteForMessage } from './display.js';
import { parseTimestamp } from './timestamps.js';

/** A path below the reader's object: `'detail.resource.instanceId'` or `['output_fields', 'k8s.ns.name']`. */
export type FieldPath = string | readonly (string | number)[];

export interface ReaderOptions {
  /** Also try `Resource` where `resource` is absent (GuardDuty and ASFF appear in both casings). */
  readonly pascalCaseFallback?: boolean;
}

// Normalizers read the same few dozen dotted paths for every event: split each once.
const splitPaths = new Map<string, readonly string[]>();

function segmentsOf(path: FieldPath): readonly (string | number)[] {
  if (typeof path !== 'string') return path;
  let segments = splitPaths.get(path);
  if (!segments) {
    segments = path.split('.');
    if (splitPaths.size < 10_000) splitPaths.set(path, segments);
  }
  return segments;
}

export class FieldReader {
  constructor(
    /** The object this reader reads. */
    readonly value: JsonObject,
    /** Where the enclosing document came from: `file.json` or `events.ndjson:12`. */
    readonly origin: string,
    /** Path of `value` from the document's root. */
    readonly base: JsonPath = [],
    private readonly options: ReaderOptions = {},
  ) {}

  /** The raw value at a path, or undefined when any step is missing. Only own properties are read. */
  get(path: FieldPath): JsonValue | undefined {
    let current: JsonValue | undefined = this.value;
    for (const segment of segmentsOf(path)) {
      if (current === undefined || current === null || typeof current !== 'object') return undefined;
      current = Array.isArray(current) ? current[Number(segment)] : this.property(current, String(segment));
    }
    return current;
  }

  private property(object: JsonObject, key: string): JsonValue | undefined {
    const own = this.spelling(object, key);
    return Object.hasOwn(object, own) ? object[own] : undefined;
  }

  /** The key as this object spells it: with the fallback on, `resource` may really be `Resource`. */
  private spelling(object: JsonObject, key: string): string {
    if (Object.hasOwn(object, key) || !this.options.pascalCaseFallback) return key;
    const pascal = key.charAt(0).toUpperCase() + key.slice(1);
    return Object.hasOwn(object, pascal) ? pascal : key;
  }

  /** A path below this reader's object, spelled as the payload spells it, for errors and child paths. */
  private spelled(path: FieldPath): (string | number)[] {
    const segments = [...segmentsOf(path)];
    if (!this.options.pascalCaseFallback) return segments;
    let current: JsonValue | undefined = this.value;
    return segments.map((segment) => {
      const key =
        isJsonObject(current) && typeof segment === 'string' ? this.spelling(current, segment) : segment;
      current =
        current !== null && typeof current === 'object'
          ? (current as Record<string, JsonValue>)[key]
          : undefined;
      return key;
    });
  }

  /** Throws the InputError for a field of this reader. */
  fail(path: FieldPath, what: string): never {
    throw new InputError(`${this.origin}: ${formatPath([...this.base, ...this.spelled(path)])}`, what);
  }

  private expected(path: FieldPath, expected: string, got: JsonValue): never {
    const shown = typeof got === 'string' || typeof got === 'number' ? ` ${quoteForMessage(got, 40)}` : '';
    return this.fail(path, `expected ${expected}, got ${jsonTypeOf(got)}${shown}`);
  }

  /** A string field; absent or null gives undefined, any other type is rejected. */
  string(path: FieldPath): string | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.expected(path, 'a string', value);
    return value === '' ? undefined : value;
  }

  requireString(path: FieldPath): string {
    return this.string(path) ?? this.fail(path, 'required string is missing');
  }

  /** A string or number field, as text (ids, ports, counts that vendors write either way). */
  text(path: FieldPath): string | undefined {
    const value = this.get(path);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return this.string(path);
  }

  number(path: FieldPath): number | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') return this.expected(path, 'a number', value);
    return value;
  }

  /** A number that some producers send as a numeric string (ASFF Normalized, Splunk results). */
  numeric(path: FieldPath): number | undefined {
    const value = this.get(path);
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      return Number(value);
    return this.number(path);
  }

  boolean(path: FieldPath): boolean | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') return this.expected(path, 'a boolean', value);
    return value;
  }

  object(path: FieldPath): JsonObject | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (!isJsonObject(value)) return this.expected(path, 'an object', value);
    return value;
  }

  array(path: FieldPath): JsonValue[] | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.expected(path, 'an array', value);
    return value;
  }

  /** Strings of an array field; non-string items are rejected. */
  strings(path: FieldPath): string[] {
    const items = this.array(path) ?? [];
    const segments = segmentsOf(path);
    return items.flatMap((item, i) => {
      if (item === null || item === '') return [];
      if (typeof item !== 'string') return this.expected([...segments, i], 'a string', item);
      return [item];
    });
  }

  /** A field that holds one value or a list of them (Splunk multivalue fields, OCSF `message`), as texts. */
  texts(path: FieldPath): string[] {
    const value = this.get(path);
    if (!Array.isArray(value)) {
      const text = this.text(path);
      return text === undefined ? [] : [text];
    }
    const segments = segmentsOf(path);
    return value.flatMap((_, i) => this.text([...segments, i]) ?? []);
  }

  /** A timestamp field as ISO 8601 UTC; present but unparseable is rejected. */
  time(path: FieldPath): string | undefined {
    const value = this.get(path);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      return this.expected(path, 'a timestamp', value);
    return parseTimestamp(value) ?? this.fail(path, `timestamp ${quoteForMessage(value, 40)} does not parse`);
  }

  /** The first of several timestamp fields that is present. */
  firstTime(...paths: FieldPath[]): string | undefined {
    for (const path of paths) {
      const time = this.time(path);
      if (time !== undefined) return time;
    }
    return undefined;
  }

  /** A reader for a nested object (a finding inside an envelope), keeping full paths in errors. */
  child(path: FieldPath): FieldReader | undefined {
    const value = this.object(path);
    return value && new FieldReader(value, this.origin, [...this.base, ...this.spelled(path)], this.options);
  }

  /** Readers for every object of an array field; non-object items are rejected. */
  children(path: FieldPath): FieldReader[] {
    const segments = this.spelled(path);
    return (this.array(path) ?? []).map((item, i) => {
      if (!isJsonObject(item)) return this.expected([...segments, i], 'an object', item);
      return new FieldReader(item, this.origin, [...this.base, ...segments, i], this.options);
    });
  }

  withOptions(options: ReaderOptions): FieldReader {
    return new FieldReader(this.value, this.origin, this.base, options);
  }
}

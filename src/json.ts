// JSON value types shared by every stage that reads untrusted payloads.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonObject | JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short name for a value's JSON type, for error messages. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Path segments from a document's root to a value. Numbers index arrays. */
export type JsonPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `$.Records[3].userIdentity["k8s.ns.name"]`: the path as a reader would write it in an error. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment.length > 64 ? `${segment.slice(0, 64)}…` : segment)}]`;
  }
  return out;
}

/** RFC 6901 JSON Pointer for the same path. */
export function toJsonPointer(path: JsonPath): string {
  return path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * A data table (a JSON object of mappings) as a Map. Looking a payload's value up in a plain object
 * would find "constructor" or "toString" on Object.prototype; a Map has only the table's own keys.
 */
export function tableOf<T>(object: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(object));
}

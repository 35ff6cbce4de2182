// Ajv's errors as sentences a person can act on ("orchestrator has unknown key "audit_store""), each
// pointing at the key or value to fix. Needs errors from a validator compiled with `verbose` (the
// failing value and schema come with each error).

import type { ErrorObject } from 'ajv/dist/2020.js';
import { isJsonObject, type JsonPath } from '../json.js';

export interface SchemaProblem {
  readonly path: JsonPath;
  /** Set when the problem is a key of the mapping at `path` (unknown, badly named), not a value. */
  readonly key?: string;
  readonly what: string;
}

/**
 * What a pattern stands for, in words (`a duration like "30s"`), by the name of the schema it belongs
 * to: the `$defs` entry (`duration`) or the property (`action`).
 */
export type PatternPhrases = Readonly<Record<string, string>>;

/** `playbooks[0].steps[1].action`; the root is `root`, "the configuration" unless said otherwise. */
export function subjectOf(path: JsonPath, root = 'the configuration'): string {
  if (path.length === 0) return root;
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

function pathOf(instancePath: string): JsonPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** A value as the reader wrote it, short. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return String(value);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'a boolean',
  null: 'empty',
};

/** What a JSON Schema `type` asks for, in words: "a string", "true or false", "a list or a mapping". */
export function expectedType(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).map(String);
  if (types.length === 1 && types[0] === 'boolean') return 'true or false';
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Edit distance, for "did you mean": keys are short, so the quadratic table is nothing. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate a misspelled `word` most likely meant: at most two edits away. */
export function closestOf(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance && d < candidate.length / 2) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function patternOwner(schemaPath: string): string {
  const segments = schemaPath.split('/');
  return segments[segments.length - 2] ?? '';
}

/**
 * The problem an ajv error describes, or undefined for the errors that only summarize others (a
 * failed `if`, a property name that failed its own schema, reported by that schema's error).
 */
export function schemaProblem(
  error: ErrorObject,
  phrases: PatternPhrases,
  root?: string,
): SchemaProblem | undefined {
  const path = pathOf(error.instancePath);
  const subject = subjectOf(path, root);
  const params = error.params as Record<string, unknown>;
  const phrase = (): string =>
    phrases[patternOwner(error.schemaPath)] ?? `text matching ${String(error.schema)}`;

  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    const rule = error.keyword === 'pattern' ? phrase() : (error.message ?? 'valid');
    return { path, key, what: `${subject} has key ${shown(key)}; keys must be ${rule}` };
  }
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = isJsonObject(error.parentSchema?.properties)
        ? Object.keys(error.parentSchema.properties)
        : [];
      const guess = closestOf(key, known);
      const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
      return { path, key, what: `${subject} has unknown key "${key}"${hint}` };
    }
    case 'required':
      return { path, what: `${subject} lacks required key "${String(params.missingProperty)}"` };
    case 'type':
      return { path, what: `${subject} must be ${expectedType(params.type)}, not ${shown(error.data)}` };
    case 'pattern':
      return { path, what: `${subject} must be ${phrase()}, not ${shown(error.data)}` };
    case 'enum': {
      const allowed = (Array.isArray(error.schema) ? error.schema : [])
        .map((v) => JSON.stringify(v))
        .join(', ');
      return { path, what: `${subject} must be one of ${allowed}, not ${shown(error.data)}` };
    }
    case 'minimum':
      return { path, what: `${subject} must be at least ${String(params.limit)}, not ${shown(error.data)}` };
    case 'maximum':
      return { path, what: `${subject} must be at most ${String(params.limit)}, not ${shown(error.data)}` };
    case 'minItems':
    case 'minLength':
      return params.limit === 1
        ? { path, what: `${subject} must not be empty` }
        : {
            path,
            what: `${subject} must have at least ${String(params.limit)} ${error.keyword === 'minItems' ? 'items' : 'characters'}`,
          };
    case 'maxItems':
    case 'maxLength':
      return {
        path,
        what: `${subject} must have at most ${String(params.limit)} ${error.keyword === 'maxItems' ? 'items' : 'characters'}`,
      };
    default:
      return { path, what: `${subject} ${error.message ?? 'is invalid'}` };
  }
}

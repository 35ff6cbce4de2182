// YAML as irac reads the files people write (configuration, playbooks): one document, YAML 1.2 core
// types only, no duplicate keys, aliases and nesting bounded, and every value traceable to its line and
// column, so that a problem found after parsing (by the schema, by a cross-check) is reported where
// the reader has to fix it: `incident-response-config.yaml:3:3: orchestrator has unknown key ...`.

import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type ParsedNode,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { InputError } from '../errors.js';
import type { JsonPath } from '../json.js';

/**
 * How often an anchor holding other aliases may be expanded (the yaml package's own measure). The
 * billion-laughs document nests aliases of aliases; plain reuse of an anchor stays cheap.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * How deeply mappings and lists may nest. A configuration needs about six levels, a step parameter a
 * few more; thousands would only exhaust the stack of whatever walks the value next.
 */
export const MAX_DEPTH = 64;

export interface Location {
  /** The file's name as messages give it. */
  readonly file: string;
  /** Offset in the text, for ordering problems as they appear in the file. */
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  /** `file:line:col` */
  readonly where: string;
}

/** What YAML itself refuses, with the place: lint reports it among the file's other problems. */
export class YamlError extends InputError {
  constructor(
    readonly at: Location,
    what: string,
  ) {
    super(at.where, what);
  }
}

export interface LocatedYaml {
  /** The document as plain data: objects, arrays, strings, numbers, booleans, null. */
  readonly value: unknown;
  /**
   * Where the value at `path` is written; with `key`, where that key of the mapping at `path` is.
   * A path running through an alias stops at the alias: that is the line that brought the value in.
   */
  locate(path: JsonPath, key?: string): Location;
}

function kindOf(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'null' : `the ${typeof node.value} ${String(node.value)}`;
  return 'an alias';
}

function yamlProblem(error: YAMLError, doc: Document.Parsed): string {
  if (error.code === 'DUPLICATE_KEY') {
    let key: unknown;
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
          key = pair.key.value;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return key === undefined ? 'duplicate key' : `duplicate key "${String(key)}"`;
  }
  if (error.code === 'MULTIPLE_DOCS') return 'holds more than one YAML document; irac reads one';
  return `invalid YAML: ${error.message}`;
}

/**
 * Parses `text` (read from `origin`, the name used in messages). Throws an InputError at the first
 * problem YAML itself sees: a syntax error, a duplicate key, an unknown tag, a key that is not a
 * string, an alias without its anchor, aliases that expand too far, nesting deeper than MAX_DEPTH.
 */
export function parseLocatedYaml(text: string, origin: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // YAML 1.1's !!binary, !!set, !!timestamp... would come back as Buffers, Sets and Dates.
    resolveKnownTags: false,
  });

  const at = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: origin, offset, line, col, where: `${origin}:${line}:${col}` };
  };
  const fail = (offset: number, what: string): never => {
    throw new YamlError(at(offset), what);
  };

  const [error] = doc.errors;
  if (error) fail(error.pos[0], yamlProblem(error, doc));
  const [warning] = doc.warnings;
  if (warning) fail(warning.pos[0], `invalid YAML: ${warning.message}`);

  let firstAlias: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      // A number or null as a key would become the string "1" or "": no configuration key is written so.
      if (!isScalar(key) || typeof key.value !== 'string') {
        fail(startOf(key) ?? 0, `keys must be strings, not ${kindOf(key)}`);
      }
      // Whatever reads the value next may assign it key by key: "__proto__" would rewrite a prototype.
      if (isScalar(key) && key.value === '__proto__')
        fail(startOf(key) ?? 0, 'the key "__proto__" is not allowed');
    },
    Alias(_, alias) {
      firstAlias ??= startOf(alias) ?? 0;
      if (!alias.resolve(doc)) fail(startOf(alias) ?? 0, `alias *${alias.source} has no anchor before it`);
    },
    Collection(_, collection, ancestors) {
      // The walk stops at the first collection too deep, so counting its ancestors stays cheap.
      if (ancestors.filter(isCollection).length >= MAX_DEPTH) {
        fail(startOf(collection) ?? 0, `nests deeper than ${MAX_DEPTH} levels`);
      }
    },
  });

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    if (!(cause instanceof ReferenceError) || firstAlias === undefined) throw cause;
    fail(firstAlias, `aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions of nested aliases)`);
  }

  return {
    value,
    locate(path, key) {
      return at(offsetOf(doc, path, key));
    },
  };
}

function startOf(node: unknown): number | undefined {
  return (node as Partial<ParsedNode> | null)?.range?.[0];
}

function offsetOf(doc: Document.Parsed, path: JsonPath, key: string | undefined): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (const [index, segment] of steps.entries()) {
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === String(segment));
      if (!pair) break;
      if (key !== undefined && index === steps.length - 1) return startOf(pair.key) ?? offset;
      node = pair.value;
      // `key:` with nothing after it: the empty value has no place of its own, its key does.
      offset = (isScalar(node) && node.value === null ? startOf(pair.key) : startOf(node)) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

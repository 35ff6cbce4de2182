// For any input, normalize either returns events that validate against the schema or throws the one
// typed error (InputError) — never a TypeError, a RangeError or an invalid event.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import { isSourceName, NORMALIZERS, SOURCE_NAMES } from '../src/ingest/registry.js';
import { formatPath, isJsonObject } from '../src/json.js';
import type { Vendor } from '../src/types.js';
import { securityEventValidator } from '../src/validation.js';
import { fixtureFiles, shortName } from './helpers/corpus.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function outcome(input: Uint8Array, source?: Vendor): 'events' | 'rejected' {
  let events: unknown[];
  try {
    events = normalizeInput(input, { name: 'prop.json', source });
  } catch (error) {
    if (error instanceof InputError) return 'rejected';
    throw error;
  }
  const validate = securityEventValidator();
  for (const event of events) {
    if (!validate(event)) throw new Error(`invalid event: ${JSON.stringify(validate.errors)}`);
  }
  return 'events';
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '<!channel>',
    '@here',
    '\u001b[2J\u001b[H',
    '\u202Egnp.exe',
    '../../../../etc/passwd',
    '',
    ' ',
    'NaN',
    '2026-02-30T00:00:00Z',
    '9999999999999999999999',
    'x'.repeat(5000),
  ),
);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, 0, -1, 1e308, true, [], {}) },
);

type Path = (string | number)[];

/** Every path into a value (not the root), children before their parent, down to maxDepth. */
function pathsOf(value: Json, maxDepth = 9, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length >= maxDepth) return out;
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of children) pathsOf(item, maxDepth, [...prefix, key], out).push([...prefix, key]);
  return out;
}

function mutate(value: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(value);
  let node: Json = copy;
  for (const segment of path.slice(0, -1)) node = (node as Record<string, Json>)[segment] as Json;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as Record<string, Json>)[last];
  } else (node as Record<string, Json>)[last] = replacement;
  return copy;
}

/** The source a fixture is for: the folder of test/fixtures it lies in. */
function sourceOf(file: string): Vendor {
  const folder = shortName(file).split('/')[0] ?? '';
  if (!isSourceName(folder)) throw new Error(`${shortName(file)}: test/fixtures/${folder} is not a source`);
  return folder;
}

/** Each fixture as the documents it holds: a .json file whole, each line of an .ndjson file. */
function fixtureDocuments(): { name: string; source: Vendor; value: Json }[] {
  return fixtureFiles('').flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const source = sourceOf(file);
    if (!file.endsWith('.ndjson'))
      return [{ name: shortName(file), source, value: JSON.parse(text) as Json }];
    return text
      .split('\n')
      .map((line, i) => ({ name: `${shortName(file)}:${i + 1}`, source, value: line }))
      .filter(({ value }) => value.trim() !== '')
      .map((line) => ({ ...line, value: JSON.parse(line.value) as Json }));
  });
}

/**
 * What the exhaustive sweep puts at every node of every fixture, DELETE removing the node instead: wrong
 * types, edge and huge numbers, empty, hostile and huge strings, empty and odd containers.
 */
const DELETE = Symbol('delete');
const SWEEP_VALUES: readonly (Json | typeof DELETE)[] = [
  DELETE,
  null,
  true,
  42,
  -1.5,
  -1,
  0,
  1e15,
  1e18,
  1e300,
  1e308,
  '',
  ' ',
  'constructor',
  'arn:',
  '\u0000\u202e',
  'x\u0000\u202e@here',
  '\u202e\u0000@here',
  'x'.repeat(5000),
  'x'.repeat(100_000),
  [],
  [null],
  ['a', 3],
  {},
  { k: 'v' },
];

/** A document that is itself the one payload: no array, Records[] or dispatch for unwrapping to split. */
const isLonePayload = (value: Json): boolean =>
  isJsonObject(value) && !Array.isArray(value.Records) && !Object.hasOwn(value, 'client_payload');

const shown = (value: Json | typeof DELETE) =>
  value === DELETE ? '(deleted)' : (JSON.stringify(value) ?? '').slice(0, 40);

describe('normalize never fails in an untyped way', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void outcome(bytes)),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON, detected or forced to any source', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.option(fc.constantFrom(...SOURCE_NAMES)),
        (value, source) => {
          void outcome(Buffer.from(JSON.stringify(value)), source ?? undefined);
        },
      ),
      { numRuns: 1000 },
    );
  });

  const fixtures = fixtureFiles('').filter((f) => f.endsWith('.json'));
  it.each(fixtures.map((f) => [shortName(f), f]))(
    'on mutations of %s, detected and forced to its source',
    (_name, file) => {
      const original = JSON.parse(readFileSync(file, 'utf8')) as Json;
      const source = sourceOf(file);
      const paths = pathsOf(original);
      expect(outcome(Buffer.from(JSON.stringify(original)))).toBe('events');
      expect(outcome(Buffer.from(JSON.stringify(original)), source)).toBe('events');
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(paths.length - 1), fc.option(hostileValue, { freq: 5 })), {
            minLength: 1,
            maxLength: 3,
          }),
          (mutations) => {
            let value = original;
            for (const [index, replacement] of mutations) {
              const path = pathsOf(value)[index % Math.max(1, pathsOf(value).length)];
              if (path) value = mutate(value, path, replacement ?? undefined);
            }
            const input = Buffer.from(JSON.stringify(value));
            void outcome(input);
            void outcome(input, source);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('on every node of every fixture replaced by each sweep value, detected and forced to its source', () => {
    const failures: string[] = [];
    const check = (what: string, step: () => unknown) => {
      try {
        step();
      } catch (error) {
        if (!(error instanceof InputError)) failures.push(`${what}: ${String(error)}`);
      }
    };
    for (const { name, source, value } of fixtureDocuments()) {
      for (const path of [[], ...pathsOf(value, Number.POSITIVE_INFINITY)]) {
        for (const replacement of SWEEP_VALUES) {
          if (replacement === DELETE && path.length === 0) continue;
          const mutated =
            path.length === 0
              ? (replacement as Json)
              : mutate(value, path, replacement === DELETE ? undefined : replacement);
          const input = Buffer.from(JSON.stringify(mutated));
          const what = `${name} ${formatPath(path)} = ${shown(replacement)}`;
          let detected: Vendor | undefined;
          if (isJsonObject(mutated)) {
            for (const normalizer of NORMALIZERS) {
              check(`${what} (${normalizer.vendor}.detect)`, () => {
                if (normalizer.detect(mutated)) detected ??= normalizer.vendor;
              });
            }
          }
          check(`${what} (--source ${source})`, () => outcome(input, source));
          // Detection picking the fixture's own source for a lone payload would repeat the run above.
          if (detected !== source || !isLonePayload(mutated))
            check(`${what} (detected)`, () => outcome(input));
        }
      }
    }
    expect({ failures: failures.length, first: failures.slice(0, 10) }).toEqual({ failures: 0, first: [] });
  });
});

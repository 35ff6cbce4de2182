// For any input, normalize either returns events that validate against the schema or throws the one
// typed error (InputError) — never a TypeError, a RangeError or an invalid event.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { normalizeInput } from '../src/ingest/normalize.js';
import { SOURCE_NAMES } from '../src/ingest/registry.js';
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

/** Every path into a value, so a mutation can hit any field a normalizer might read. */
function pathsOf(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (prefix.length > 8) return out;
  if (Array.isArray(value))
    value.forEach((item, i) => pathsOf(item, [...prefix, i], out).push([...prefix, i]));
  else if (value && typeof value === 'object') {
    for (const key of Object.keys(value))
      pathsOf(value[key] as Json, [...prefix, key], out).push([...prefix, key]);
  }
  return out;
}

function mutate(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
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
  it.each(fixtures.map((f) => [shortName(f), f]))('on mutations of %s', (_name, file) => {
    const original = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const paths = pathsOf(original);
    expect(outcome(Buffer.from(JSON.stringify(original)))).toBe('events');
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
          void outcome(Buffer.from(JSON.stringify(value)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

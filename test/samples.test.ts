import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the builder is a plain .mjs script without type declarations
import { buildSamples, SAMPLE_SOURCES, SAMPLES_FILE } from '../scripts/build-samples.mjs';
import { normalizeInput } from '../src/ingest/normalize.js';
import { SOURCE_NAMES } from '../src/ingest/registry.js';

describe('the demo samples', () => {
  it('samples/events.ndjson is built from the fixtures (run `npm run samples` after changing one)', async () => {
    expect(readFileSync(SAMPLES_FILE, 'utf8')).toBe(await buildSamples());
  });

  it('hold one event per supported source, each detected without --source', () => {
    expect([...SAMPLE_SOURCES].sort()).toEqual([...SOURCE_NAMES].sort());
    const events = normalizeInput(readFileSync(SAMPLES_FILE), { name: 'samples/events.ndjson' });
    expect(events.map((e) => e.vendor)).toEqual(SAMPLE_SOURCES);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dispatchSchema from '../schemas/dispatch.schema.json' with { type: 'json' };
import eventSchema from '../schemas/security-event.schema.json' with { type: 'json' };
// @ts-expect-error the generator is a plain .mjs script without type declarations
import { generateTypes, TYPES_FILE } from '../scripts/gen-types.mjs';
import { SOURCE_NAMES } from '../src/ingest/registry.js';

describe('types and schemas', () => {
  it('src/types.ts is what the schemas generate (run `npm run gen:types` after editing a schema)', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await generateTypes());
  });

  it('lists the same sources in the registry, the event schema and the dispatch schema', () => {
    expect([...SOURCE_NAMES].sort()).toEqual([...eventSchema.$defs.vendor.enum].sort());
    expect(dispatchSchema.$defs.clientPayload.properties.source.enum).toEqual(eventSchema.$defs.vendor.enum);
  });
});

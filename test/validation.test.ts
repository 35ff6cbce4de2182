// The schemas irac compiles at run time skip Ajv's check against the JSON Schema meta-schema (it would
// cost every run tens of milliseconds): this is where that check is made, once, for every one of them.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.js';

const SCHEMAS = join(REPO_ROOT, 'schemas');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each schema file, and the parameters schema of each action definition in schemas/actions/. */
function shippedSchemas(): [string, object][] {
  return jsonFiles(SCHEMAS).flatMap((file): [string, object][] => {
    const name = relative(REPO_ROOT, file);
    const value = JSON.parse(readFileSync(file, 'utf8')) as { parameters?: object };
    if (!name.startsWith('schemas/actions/')) return [[name, value]];
    return value.parameters ? [[`${name}: parameters`, value.parameters]] : [];
  });
}

describe('the shipped schemas', () => {
  const metaSchema = new Ajv2020({ strict: true });

  it.each(shippedSchemas())('%s is a valid JSON Schema 2020-12', (_, schema) => {
    const valid = metaSchema.validateSchema(schema);
    expect(metaSchema.errors ?? [], metaSchema.errorsText()).toEqual([]);
    expect(valid).toBe(true);
  });
});

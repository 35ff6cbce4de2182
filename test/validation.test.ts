// irac's schemas are compiled ahead of time (src/generated/) without Ajv's check against the JSON Schema
// meta-schema: this is where that check is made, for every one of them, and where the generated code is
// held to what the schemas compile to now.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the generator is a plain .mjs script without type declarations
import { generateValidators, shippedActionFiles } from '../scripts/gen-validators.mjs';
import { shippedParametersValidator } from '../src/validation.js';
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
    // Standards' own schemas (CACAO), vendored as published, are checked by the tests that use them.
    if (name.startsWith('schemas/vendor/')) return [];
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

describe('the validators compiled ahead of time', () => {
  it.each(Object.entries(generateValidators() as Record<string, string>))(
    '%s is what the schemas compile to now',
    (file, code) => {
      expect(readFileSync(file, 'utf8'), 'stale: run `npm run gen:validators`').toBe(code);
    },
  );

  it('cover every shipped action that has parameters', () => {
    const actions = (
      shippedActionFiles() as { action: string; definition: { parameters?: object } }[]
    ).filter(({ definition }) => definition.parameters !== undefined);
    expect(actions.length).toBeGreaterThan(10);
    for (const { action } of actions) {
      expect(shippedParametersValidator(action), action).toBeTypeOf('function');
    }
    expect(shippedParametersValidator('aws:ec2.no_such_action')).toBeUndefined();
    expect(shippedParametersValidator('__proto__')).toBeUndefined();
  });
});

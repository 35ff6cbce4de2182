// The registry and feed types are derived from their schemas, as src/types.ts is from the others:
// this test regenerates them and fails when the checked-in file is stale.
// To rewrite it after editing a schema: IRAC_WRITE_TYPES=1 npx vitest run test/triage/enrichment/schema-types.test.ts

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/corpus.js';

const TYPES_FILE = join(REPO_ROOT, 'src/triage/enrichment/schema-types.ts');
const SCHEMAS = ['assets', 'intel-feed'];

async function generateTypes(): Promise<string> {
  const parts = [
    '// Generated from schemas/assets.schema.json and schemas/intel-feed.schema.json by',
    '// test/triage/enrichment/schema-types.test.ts (IRAC_WRITE_TYPES=1). Do not edit by hand.',
    '',
  ];
  for (const name of SCHEMAS) {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
    parts.push(
      await compile(schema, schema.title, {
        bannerComment: '',
        additionalProperties: false,
        // The HTTP registry's answer is a definition no file refers to, and needs its type all the same.
        unreachableDefinitions: true,
        maxItems: -1,
        style: { singleQuote: true, printWidth: 110 },
      }),
    );
  }
  return parts.join('\n');
}

describe('registry and feed types', () => {
  it('are what the schemas generate', async () => {
    const generated = await generateTypes();
    if (process.env.IRAC_WRITE_TYPES === '1') await writeFile(TYPES_FILE, generated);
    expect(await readFile(TYPES_FILE, 'utf8')).toBe(generated);
  });
});

// Derives src/types.ts from schemas/*.schema.json, so the TypeScript types cannot drift from the
// contract. `npm run gen:types` rewrites the file; test/types.test.ts fails when it is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = ['security-event', 'dispatch', 'incident', 'config'];
export const TYPES_FILE = `${root}src/types.ts`;

export async function generateTypes() {
  const parts = ['// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.\n'];
  for (const name of SCHEMAS) {
    const schema = JSON.parse(await readFile(`${root}schemas/${name}.schema.json`, 'utf8'));
    parts.push(
      await compile(schema, schema.title, {
        bannerComment: '',
        additionalProperties: false,
        unreachableDefinitions: false,
        // Bounded arrays stay arrays: a tuple type of 20 optional strings helps nobody.
        maxItems: -1,
        style: { singleQuote: true, printWidth: 110 },
      }),
    );
  }
  return parts.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(TYPES_FILE, await generateTypes());
  console.log(`wrote ${TYPES_FILE}`);
}

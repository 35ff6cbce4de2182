// Derives src/types.ts from schemas/*.schema.json, so the TypeScript types cannot drift from the
// contract. `npm run gen:types` rewrites the file; test/types.test.ts fails when it is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = ['security-event', 'dispatch', 'incident', 'playbook', 'action', 'config', 'playbook-test'];
export const TYPES_FILE = `${root}src/types.ts`;

/**
 * A reference to another schema file (config.schema.json's inline playbooks are playbook.schema.json)
 * becomes the name of the type that file declares: each type is declared once, by its own schema.
 */
function referToTitles(node, titles) {
  if (Array.isArray(node)) return node.map((item) => referToTitles(item, titles));
  if (typeof node !== 'object' || node === null) return node;
  const file = typeof node.$ref === 'string' ? /^([a-z-]+)\.schema\.json$/.exec(node.$ref)?.[1] : undefined;
  if (file !== undefined) {
    const { $ref, ...rest } = node;
    return { ...rest, tsType: titles.get(file) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, referToTitles(value, titles)]));
}

export async function generateTypes() {
  const parts = ['// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.\n'];
  const schemas = new Map();
  for (const name of SCHEMAS) {
    schemas.set(name, JSON.parse(await readFile(`${root}schemas/${name}.schema.json`, 'utf8')));
  }
  const titles = new Map([...schemas].map(([name, schema]) => [name, schema.title]));
  for (const original of schemas.values()) {
    const schema = referToTitles(original, titles);
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

// Builds samples/events.ndjson — one representative payload per source, the input of `npm run demo` —
// from test/fixtures/<source>/sample.json. test/samples.test.ts fails when the file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLES_FILE = `${root}samples/events.ndjson`;
export const SAMPLE_SOURCES = [
  'guardduty',
  'cloudtrail',
  'securityhub',
  'ocsf',
  'falco',
  'splunk',
  'elastic',
  'datadog',
  'sentinel',
  'generic',
];

export async function buildSamples() {
  const lines = [];
  for (const source of SAMPLE_SOURCES) {
    const sample = JSON.parse(await readFile(`${root}test/fixtures/${source}/sample.json`, 'utf8'));
    lines.push(JSON.stringify(sample));
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SAMPLES_FILE, await buildSamples());
  console.log(`wrote ${SAMPLES_FILE}`);
}

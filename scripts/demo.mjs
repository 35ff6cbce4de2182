// `npm run demo` (also `npm run triage:simulate -- --dry-run`, the seed's Quick Start name for it).
// Everything the demo does is dry-run: it reads the bundled sample events and changes nothing, so
// `--dry-run` is accepted and changes nothing either.
import { fileURLToPath } from 'node:url';
import { run } from '../lib/src/cli/main.js';

const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) {
  console.error(`demo: unknown argument ${unknown[0]} (the demo takes only --dry-run)`);
  process.exit(2);
}

const samples = fileURLToPath(new URL('../samples/events.ndjson', import.meta.url));
console.log('irac demo — one sample event per supported source, normalized (nothing is stored):\n');
process.exitCode = await run(['normalize', samples]);

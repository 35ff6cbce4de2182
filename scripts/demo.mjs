// `npm run demo` (also `npm run triage:simulate -- --dry-run`, the seed's Quick Start name for it).
// The demo works in a scratch repository with a bare `origin` of its own under the system's temp
// directory (it prints the path): it ingests the bundled sample events, delivers them a second time,
// lists the incidents, tells one incident's story and verifies the store. It touches no cloud, no
// GitHub and nothing of yours, so `--dry-run` is accepted and changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../lib/src/cli/main.js';
import { parseIncident } from '../lib/src/store/incident.js';

const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) {
  console.error(`demo: unknown argument ${unknown[0]} (the demo takes only --dry-run)`);
  process.exit(2);
}

const git = (cwd, ...args) =>
  execFileSync('git', ['-c', 'user.name=irac demo', '-c', 'user.email=demo@irac.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

async function step(title, argv) {
  console.log(`\n$ irac ${argv.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}    # ${title}`);
  const code = await run(argv);
  if (code !== 0) process.exit(code);
}

// A fork of the template, as a security team would have it: a bare origin and a checkout of it.
const scratch = mkdtempSync(join(tmpdir(), 'irac-demo-'));
const origin = join(scratch, 'origin.git');
const work = join(scratch, 'work');
git(scratch, 'init', '--quiet', '--initial-branch=main', 'seed');
writeFileSync(join(scratch, 'seed', 'README.md'), '# security team incident response\n');
git(join(scratch, 'seed'), 'add', 'README.md');
git(join(scratch, 'seed'), 'commit', '--quiet', '-m', 'fork of the irac template');
git(scratch, 'clone', '--quiet', '--bare', 'seed', origin);
git(scratch, 'clone', '--quiet', origin, work);
console.log(
  `irac demo — a scratch repository with its own bare origin:\n  origin   ${origin}\n  checkout ${work}`,
);

const samples = fileURLToPath(new URL('../samples/events.ndjson', import.meta.url));
await step('one sample event per supported source', ['ingest', samples, '--repo', work]);
await step('the same events delivered again: recorded once', ['ingest', samples, '--repo', work]);

console.log('\nincidents on origin/main:');
const files = git(work, 'ls-tree', '-r', '--name-only', 'origin/main', '--', 'incidents/')
  .split('\n')
  .filter((path) => path.endsWith('/incident.yaml'));
const incidents = files.map((path) => parseIncident(git(work, 'show', `origin/main:${path}`), path));
for (const incident of incidents) {
  console.log(
    `  ${incident.id}  ${incident.severity.padEnd(8)}  ${incident.status.padEnd(6)}  ${String(incident.events).padStart(2)} event${incident.events === 1 ? ' ' : 's'}  ${incident.title.slice(0, 70)}`,
  );
}

const critical = incidents.find((incident) => incident.severity === 'critical') ?? incidents[0];
await step('the story of one incident, from git', ['timeline', critical.id, '--repo', work]);
await step('audit chains, evidence hashes, commits', ['verify', '--repo', work]);
console.log(`\nLook around: cd ${work} && git log --format='%h %s%n%(trailers)' -3`);

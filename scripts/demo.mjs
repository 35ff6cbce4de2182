// `npm run demo` (also `npm run triage:simulate -- --dry-run`, the seed's Quick Start name for it).
// The demo works in a scratch repository with a bare `origin` of its own under the system's temp
// directory (it prints the path), forked from this template (configuration, playbooks, asset registry,
// intel feeds): it ingests the bundled sample events, delivers them a second time, triages every
// incident (score breakdown, route, suppressed or not), backtests a playbook change with replay,
// tells one incident's story and verifies the store. It touches no cloud, no GitHub and nothing of
// yours, so `--dry-run` is accepted and changes nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const template = fileURLToPath(new URL('..', import.meta.url));
for (const path of ['incident-response-config.yaml', 'playbooks', 'assets', 'intel', 'schemas']) {
  cpSync(join(template, path), join(scratch, 'seed', path), { recursive: true });
}
git(join(scratch, 'seed'), 'add', '.');
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

await step('the playbooks, configuration and enrichment files are valid', ['lint', '--repo', work]);

// Triage: every incident enriched, scored and routed, each decision a commit.
console.log('\ntriage decisions (each one committed as triage.json, with an audit entry):');
const decisions = [];
for (const incident of incidents) {
  const output = [];
  const code = await run(['triage', incident.id, '--repo', work, '--json'], {
    stdout: (text) => output.push(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => undefined,
  });
  if (code !== 0) process.exit(code);
  const decision = JSON.parse(output.join(''));
  decisions.push(decision);
  const route =
    decision.outcome === 'routed'
      ? decision.playbook
      : `${decision.outcome}${decision.suppression ? ` (${decision.suppression.rule})` : ''}`;
  const factors = decision.score.factors.map((f) => `${f.name} ${f.contribution.toFixed(2)}`).join(' + ');
  console.log(
    `  ${incident.id}  ${decision.severity.padEnd(8)} ${decision.score.value.toFixed(2)} = ${factors}\n      → ${route}${decision.degraded.length ? `  [degraded: ${decision.degraded.join('; ')}]` : ''}`,
  );
}

const routedByAws = decisions.find((d) => d.playbook?.startsWith('aws-')) ?? decisions[0];
await step('why one incident went where it went (asked again: unchanged, no second commit)', [
  'triage',
  routedByAws.incident,
  '--repo',
  work,
]);

// A playbook pull request, backtested: suppress the lab's events and see which routes change.
const config = join(work, 'incident-response-config.yaml');
writeFileSync(
  config,
  readFileSync(config, 'utf8').replace(
    '  suppressions: []',
    [
      '  suppressions:',
      '    - id: corp-workstations-drill',
      '      when: "asset.id == \'finance-workstations\'"',
      '      reason: Red-team drill on the finance workstations this week',
      '      owner: security-lead@example.com',
      `      expires: ${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}`,
    ].join('\n'),
  ),
);
await step('a proposed suppression, backtested against HEAD before it merges', [
  'replay',
  samples,
  '--repo',
  work,
  '--compare',
  'HEAD',
]);
git(work, 'checkout', '--quiet', '--', 'incident-response-config.yaml');

const critical = incidents.find((incident) => incident.id === routedByAws.incident) ?? incidents[0];
await step('the story of one incident, from git', ['timeline', critical.id, '--repo', work]);
await step('audit chains, evidence hashes, decisions, commits', ['verify', '--repo', work]);
console.log(`\nLook around: cd ${work} && git log --format='%h %s%n%(trailers)' -3`);

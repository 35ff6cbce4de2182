// `irac triage ID` as a responder (or the workflow) runs it: the compiled bin in a child process, in a
// fork of this template — its configuration, playbooks, asset registry and intel feeds — with real git.

import { once } from 'node:events';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startAssetRegistrySim } from '../src/sim/asset-registry.js';
import { incidentDir } from '../src/store/layout.js';
import type { Decision } from '../src/triage/decide.js';
import { type Run, runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchRemote, scratchRepo } from './helpers/git.js';

const CONFIG = 'incident-response-config.yaml';
const TEMPLATE = [CONFIG, 'playbooks', 'assets', 'intel'];
/** Two GuardDuty findings: an EC2 instance querying a C&C domain, and CloudTrail logging disabled. */
const GUARDDUTY_FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
/** An instance role's credentials used from outside AWS. */
const GUARDDUTY_CREDENTIALS = join(FIXTURES_DIR, 'guardduty/sample.json');
const CLOUDTRAIL_STOP_LOGGING = join(FIXTURES_DIR, 'cloudtrail/sample.json');

/** Runs the bin without blocking this process, so that loopback servers of the test can answer it. */
async function irac(args: string[], cwd: string): Promise<Run> {
  return runBin(args, cwd, { ...process.env, IRAC_ACTOR: 'cli-test' });
}

/** A security team's repository: the template's configuration, playbooks, registry and feeds, committed. */
function forkOfTemplate(dir = scratchRepo()): string {
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  return dir;
}

/** Ingests a fixture; the incident each of its events opened, by the event's kind. */
async function ingest(repo: string, fixture: string): Promise<Record<string, string>> {
  const run = await irac(['ingest', fixture], repo);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const opened: Record<string, string> = {};
  for (const [, id = '', kind = ''] of run.stdout.matchAll(/^opened (IR-\S+) {2}\S+ {2}\S+ \S+ (.+)$/gm)) {
    opened[kind] = id;
  }
  return opened;
}

/** The one incident a single-event fixture opens. */
async function ingestOne(repo: string, fixture: string): Promise<string> {
  const ids = Object.values(await ingest(repo, fixture));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

/** triage.json as HEAD holds it. */
function readDecision(repo: string, id: string): Decision {
  return JSON.parse(git(repo, 'show', `HEAD:${incidentDir(id)}/triage.json`)) as Decision;
}

function readIncidentYaml(repo: string, id: string): Record<string, unknown> {
  return parse(readFileSync(join(repo, incidentDir(id), 'incident.yaml'), 'utf8'));
}

/** The repository's state, to show a refused command left it as it was. */
function snapshot(repo: string) {
  return { head: git(repo, 'rev-parse', 'HEAD'), status: git(repo, 'status', '--porcelain') };
}

/** Replaces text in the fork's configuration (working tree); fails when the text is not there. */
function editConfig(repo: string, from: string, to: string): void {
  const path = join(repo, CONFIG);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** An enrichment source added to the fork's configuration, before the history source. */
function addSource(repo: string, source: string): void {
  editConfig(repo, '    - type: history\n', `${source}    - type: history\n`);
}

/** The line number of the line that reads `line` exactly. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('irac triage', () => {
  it('routes a GuardDuty EC2 C&C finding to aws-compromised-ec2-instance, says why, commits it', async () => {
    const repo = forkOfTemplate();
    const id = (await ingest(repo, GUARDDUTY_FINDINGS))[EC2_BACKDOOR] ?? '';
    expect(id).toMatch(/^IR-/);
    const before = git(repo, 'rev-parse', 'HEAD');

    const run = await irac(['triage', id], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(git(repo, 'rev-parse', 'HEAD~1')).toBe(before);

    // What was committed: triage.json, incident.yaml, the audit trail and README.md of this incident only.
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      ['README.md', 'audit.jsonl', 'incident.yaml', 'triage.json'].map((f) => `${incidentDir(id)}/${f}`),
    );
    const decision = readDecision(repo, id);
    expect(decision).toMatchObject({
      incident: id,
      outcome: 'routed',
      playbook: 'aws-compromised-ec2-instance',
      suppression: null,
      degraded: [],
    });
    expect(decision.score.factors.map((f) => f.name)).toEqual([
      'severity',
      'asset_criticality',
      'historical_frequency',
      'threat_score',
    ]);
    // The C&C domain the instance queried is in the shipped feed intel/c2-domains.txt.
    expect(decision.enrichment.intel.hits[0]).toMatchObject({
      type: 'domain',
      source: 'threat_intel intel',
      matched: 'c2-relay.example',
    });
    const [commit] = commitLog(repo);
    expect(commit?.trailers).toMatchObject({
      'Incident-Id': id,
      'Irac-Action': 'triage',
      'Irac-Actor': 'cli-test',
      'Irac-Audit': expect.stringMatching(/^2 [0-9a-f]{64}$/),
    });
    expect(git(repo, 'log', '-1', '--format=%(trailers:key=Irac-Action,valueonly)').trim()).toBe('triage');
    expect(readIncidentYaml(repo, id)).toMatchObject({
      status: 'triaged',
      severity: decision.severity,
      score: decision.score.value,
      playbook: 'aws-compromised-ec2-instance',
      decision: 'routed',
    });

    // What it printed: the route, the score against its threshold, each factor as recorded, the commit.
    const score = decision.score.value.toFixed(2);
    expect(run.stdout.split('\n')[0]).toBe(`${id}: routed to aws-compromised-ec2-instance`);
    expect(run.stdout).toContain(`score ${score} ≥ ${decision.score.threshold?.severity} threshold`);
    expect(run.stdout).toContain('why: trigger of aws-compromised-ec2-instance holds: ');
    for (const factor of decision.score.factors) {
      expect(run.stdout).toMatch(
        new RegExp(`^ {2}${factor.name} +\\S.* ${factor.normalized.toFixed(2)} +${factor.weight} `, 'm'),
      );
    }
    expect(run.stdout).toContain('  intel: domain update.c2-relay.example (1 from threat_intel intel)');
    expect(run.stdout.endsWith(`\nrecorded in ${head.slice(0, 12)} on main\n`)).toBe(true);

    const verify = await irac(['verify'], repo);
    expect([verify.code, verify.stderr]).toEqual([0, '']);
    expect(verify.stdout).toMatch(/^verify: ok — 2 incidents, 2 events, 3 commits\n$/);
    const timeline = await irac(['timeline', id], repo);
    const summary = `${decision.severity} ${score} → aws-compromised-ec2-instance`;
    expect(timeline.stdout).toContain(
      `| triage | \`cli-test\` | \`${summary}\` | \`${head.slice(0, 12)}\` |`,
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('routes IAM credential findings to aws-compromised-iam-credentials: GuardDuty, CloudTrail', async () => {
    const repo = forkOfTemplate();
    for (const fixture of [GUARDDUTY_CREDENTIALS, CLOUDTRAIL_STOP_LOGGING]) {
      const id = await ingestOne(repo, fixture);
      const run = await irac(['triage', id, '--json'], repo);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(JSON.parse(run.stdout)).toMatchObject({
        incident: id,
        outcome: 'routed',
        playbook: 'aws-compromised-iam-credentials',
      });
    }
  });

  it('prints one JSON object with --json: the decision as triage.json holds it, and its commit', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, GUARDDUTY_CREDENTIALS);
    const run = await irac(['triage', id, '--json'], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const { commit, ...decision } = JSON.parse(run.stdout);
    expect(commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(decision).toEqual(readDecision(repo, id));
    // The finding's instance role is the orders API's, in the shipped registry assets/aws.yaml.
    expect(decision.enrichment.asset).toMatchObject({
      id: 'orders-api',
      at: expect.stringMatching(/^assets\/aws\.yaml:\d+:5$/),
    });
  });

  it('says "unchanged" and commits nothing when the decision is already recorded', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, CLOUDTRAIL_STOP_LOGGING);
    const first = await irac(['triage', id], repo);
    expect(first.code).toBe(0);
    const after = snapshot(repo);
    const recorded = readDecision(repo, id);

    const again = await irac(['triage', id], repo);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout.endsWith('\nunchanged: this decision is already recorded\n')).toBe(true);
    expect(snapshot(repo)).toEqual(after);
    const json = await irac(['triage', id, '--json'], repo);
    expect(JSON.parse(json.stdout)).toEqual({ ...recorded, commit: null });
    expect(snapshot(repo)).toEqual(after);
  });

  it('rejects a malformed or unknown id with one line, and writes nothing', async () => {
    const repo = forkOfTemplate();
    await ingestOne(repo, CLOUDTRAIL_STOP_LOGGING);
    const before = snapshot(repo);
    for (const id of ['../x', 'IR-bad', `IR-20260101-aaaaaaa/../../..`]) {
      expect(await irac(['triage', id], repo)).toEqual({
        code: 1,
        stdout: '',
        stderr: `irac: ID: ${JSON.stringify(id)} is not an incident id (IR-yyyymmdd-xxxxxxxx)\n`,
      });
    }
    expect(await irac(['triage', 'IR-20260101-aaaaaaaa'], repo)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'irac: IR-20260101-aaaaaaaa: no such incident in the store\n',
    });
    expect(snapshot(repo)).toEqual(before);
  });

  it('rejects a playbook whose trigger is not CEL, at its line and column; writes nothing', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, CLOUDTRAIL_STOP_LOGGING);
    const playbook = join(repo, 'playbooks/queue-for-review.yaml');
    const text = readFileSync(playbook, 'utf8');
    const line = lineOf(text, 'trigger: "false"');
    writeFileSync(playbook, text.replace('trigger: "false"', 'trigger: "severity ="'));
    const before = snapshot(repo);
    const run = await irac(['triage', id], repo);
    expect([run.code, run.stdout]).toEqual([1, '']);
    const where = `irac: playbooks/queue-for-review.yaml:${line}:10: trigger: condition "severity =": `;
    expect(run.stderr.slice(0, where.length)).toBe(where);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(join(repo, incidentDir(id), 'triage.json'))).toBe(false);
  });

  it('rejects a configuration with a broken suppression, at its line, and writes nothing', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, CLOUDTRAIL_STOP_LOGGING);
    const condition = `"evnt.vendor == 'cloudtrail'"`;
    const when = `      when: ${condition}`;
    editConfig(
      repo,
      '  suppressions: []\n',
      `  suppressions:
    - id: lab-noise
${when}
      reason: the lab account
      owner: secops@example.com
      expires: 2099-12-31
`,
    );
    const before = snapshot(repo);
    const run = await irac(['triage', id], repo);
    expect([run.code, run.stdout]).toEqual([1, '']);
    const line = lineOf(readFileSync(join(repo, CONFIG), 'utf8'), when);
    const where = `irac: ${CONFIG}:${line}:13: triage.suppressions[0].when: condition ${condition}: `;
    expect(run.stderr.slice(0, where.length)).toBe(where);
    expect(run.stderr).toContain(': Unknown variable: evnt ');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(join(repo, incidentDir(id), 'triage.json'))).toBe(false);
  });

  it('exits 2 on a usage error: no id, two ids, an unknown option', async () => {
    const repo = forkOfTemplate();
    for (const args of [
      ['triage'],
      ['triage', 'IR-20260101-aaaaaaaa', 'IR-20260101-bbbbbbbb'],
      ['triage', '--fast'],
    ]) {
      const run = await irac(args, repo);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toMatch(/^error: /);
    }
  });

  it('pushes the triage commit to origin', async () => {
    const { origin, clone } = scratchRemote();
    const work = forkOfTemplate(clone());
    git(work, 'push', '--quiet', 'origin', 'main');
    const id = await ingestOne(work, GUARDDUTY_CREDENTIALS);
    const run = await irac(['triage', id], work);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const head = git(work, 'rev-parse', 'HEAD');
    expect(git(origin, 'rev-parse', 'main')).toBe(head);
    expect(run.stdout.endsWith(`\nrecorded in ${head.slice(0, 12)} on origin/main\n`)).toBe(true);
    expect(commitLog(origin, 'main')[0]?.trailers).toMatchObject({
      'Incident-Id': id,
      'Irac-Action': 'triage',
    });
  });

  it('decides without an asset registry that is down, says it is degraded, and records why', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, GUARDDUTY_CREDENTIALS);
    const endpoint = `http://127.0.0.1:${await closedPort()}/api/v1`;
    addSource(repo, `    - type: asset_registry\n      endpoint: ${endpoint}\n      timeout: 2s\n`);
    const run = await irac(['triage', id], repo);
    expect(run.code).toBe(0);
    const reason = `asset_registry ${endpoint}: connection failed (ECONNREFUSED)`;
    expect(run.stderr).toBe(`irac: warning: degraded: ${reason}\n`);
    expect(run.stdout).toContain(`\n  degraded: ${reason}\n`);
    const decision = readDecision(repo, id);
    expect(decision.degraded).toEqual([reason]);
    expect(decision.enrichment.providers).toContainEqual(
      expect.objectContaining({ name: `asset_registry ${endpoint}`, status: 'degraded' }),
    );
    // The registry in the repository still answered: the route and the asset are what they would be.
    expect(decision).toMatchObject({ outcome: 'routed', playbook: 'aws-compromised-iam-credentials' });
    expect(decision.enrichment.asset?.id).toBe('orders-api');
    expect(git(repo, 'log', '-1', '--format=%B')).toContain(`degraded: ${reason}`);
  });

  it('gives up on an asset registry that never answers after its timeout, and still decides', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, GUARDDUTY_CREDENTIALS);
    const sim = await startAssetRegistrySim({ assets: [] });
    sim.mode = 'hang';
    try {
      addSource(repo, `    - type: asset_registry\n      endpoint: ${sim.endpoint}\n      timeout: 200ms\n`);
      const started = performance.now();
      const run = await irac(['triage', id, '--json'], repo);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(run.code).toBe(0);
      const reason = `asset_registry ${sim.endpoint}: timed out after 200 ms`;
      expect(run.stderr).toBe(`irac: warning: degraded: ${reason}\n`);
      expect(JSON.parse(run.stdout)).toMatchObject({ degraded: [reason], outcome: 'routed' });
      expect(readDecision(repo, id).degraded).toEqual([reason]);
      expect(sim.requests.length).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  it('records an incident a suppression rule matches as suppressed, routed to no playbook', async () => {
    const repo = forkOfTemplate();
    editConfig(
      repo,
      '  suppressions: []\n',
      `  suppressions:
    - id: c2-sinkhole-test
      when: "event.kind.startsWith('Backdoor:EC2/')"
      reason: the network team's sinkhole test queries the C&C domain from i-07a8b9c0d1e2f3a4b
      owner: network@example.com
      expires: 2099-12-31
`,
    );
    git(repo, 'commit', '--quiet', '-am', 'suppress the sinkhole test');
    const opened = await ingest(repo, GUARDDUTY_FINDINGS);
    const id = opened[EC2_BACKDOOR] ?? '';
    const run = await irac(['triage', id], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe(`${id}: suppressed by c2-sinkhole-test`);
    const decision = readDecision(repo, id);
    expect(decision).toMatchObject({
      outcome: 'suppressed',
      playbook: null,
      suppression: { rule: 'c2-sinkhole-test' },
    });
    expect(readIncidentYaml(repo, id)).toMatchObject({ decision: 'suppressed', playbook: null });
    // The rule matches by kind: the other finding of the same file is routed as usual.
    const other = Object.entries(opened).find(([kind]) => kind !== EC2_BACKDOOR)?.[1] ?? '';
    const otherRun = await irac(['triage', other, '--json'], repo);
    expect(JSON.parse(otherRun.stdout)).toMatchObject({ outcome: 'routed', suppression: null });
  });
});

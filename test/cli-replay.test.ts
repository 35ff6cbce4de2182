// `irac replay FILE` as a playbook pull request runs it: the compiled bin in a child process, in a fork
// of this template, backtesting triage over many events — and writing nothing.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplayReport } from '../src/triage/replay.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { git, scratchDir, scratchRepo } from './helpers/git.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
/** One payload of each of the ten sources, one per line. */
const SAMPLES = join(REPO_ROOT, 'samples/events.ndjson');
const INVESTIGATE = 'playbooks/investigate-and-notify.yaml';

type Report = ReplayReport & { readonly rulesets: string[] };

function irac(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, IRAC_ACTOR: 'cli-test' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function replayJson(args: string[], cwd: string): Report {
  const run = irac(['replay', ...args, '--json'], cwd);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as Report;
}

/** A security team's repository: the template's configuration, playbooks, registry and feeds, committed. */
function forkOfTemplate(): string {
  const dir = scratchRepo();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  return dir;
}

/** The repository's state, to show that replay left it as it was. */
function snapshot(repo: string) {
  return {
    head: git(repo, 'rev-parse', 'HEAD'),
    commits: git(repo, 'rev-list', '--count', '--all'),
    status: git(repo, 'status', '--porcelain', '--untracked-files=all'),
    incidents: existsSync(join(repo, 'incidents')),
  };
}

/** Fixtures written one per line into a scratch NDJSON file. */
function ndjsonOf(fixtures: readonly string[]): string {
  const file = join(scratchDir('irac-replay-'), 'events.ndjson');
  const lines = fixtures.map((f) => JSON.stringify(JSON.parse(readFileSync(join(FIXTURES_DIR, f), 'utf8'))));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function routedEvents(report: Report, tally = 0): number {
  return Object.values(report.tallies[tally]?.routes ?? {}).reduce((sum, count) => sum + count.events, 0);
}

/** Raises investigate-and-notify (every high incident) above the AWS playbooks, in the working tree. */
function raiseInvestigate(repo: string): string {
  const path = join(repo, INVESTIGATE);
  const original = readFileSync(path, 'utf8');
  expect(original).toMatch(/^priority: 100$/m);
  writeFileSync(path, original.replace(/^priority: 100$/m, 'priority: 5'));
  return original;
}

describe('irac replay', () => {
  it('counts the sample events per route, each once, and writes nothing', () => {
    const repo = forkOfTemplate();
    const before = snapshot(repo);
    const run = irac(['replay', SAMPLES], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const report = replayJson([SAMPLES], repo);

    expect(report).toMatchObject({ events: 10, duplicates: 0, changes: [], changed: 0, rulesets: ['now'] });
    for (const key of ['events', 'incidents', 'tallies', 'changes', 'eventsPerSecond', 'bytes', 'ms']) {
      expect(report).toHaveProperty(key);
    }
    expect(report.incidents).toBeGreaterThan(0);
    expect(report.incidents).toBeLessThanOrEqual(10);
    expect(report.eventsPerSecond).toBeGreaterThan(0);
    expect(report.bytes).toBe(readFileSync(SAMPLES).length);
    expect(report.tallies).toHaveLength(1);
    const [tally] = report.tallies;
    expect(routedEvents(report)).toBe(10);
    expect(Object.values(tally?.severities ?? {}).reduce((a, b) => a + b, 0)).toBe(10);
    expect(tally?.routes['routed:aws-compromised-ec2-instance']?.events).toBeGreaterThan(0);
    expect(tally?.routes['routed:aws-compromised-iam-credentials']?.events).toBeGreaterThan(0);

    // The table says what the JSON says, route by route.
    const headline = `replayed 10 events from ${SAMPLES} as ${report.incidents} incidents in`;
    expect(run.stdout).toMatch(new RegExp(`^${headline} [\\d.]+ s \\([\\d,]+ events/s\\)\n`));
    for (const [route, count] of Object.entries(tally?.routes ?? {})) {
      expect(run.stdout).toMatch(new RegExp(`^${route} +${count.events} / ${count.incidents}$`, 'm'));
    }
    expect(run.stdout).toMatch(
      /^severity critical \d+, high \d+, medium \d+, low \d+; suppressed 0, aggregated 0, degraded 0$/m,
    );
    expect(snapshot(repo)).toEqual(before);
  });

  it('reads fixtures of several sources as NDJSON, from a file or stdin, without re-deliveries', () => {
    const repo = forkOfTemplate();
    const before = snapshot(repo);
    // get-findings.json holds two findings: six events on five lines.
    const fixtures = [
      'guardduty/get-findings.json',
      'guardduty/sample.json',
      'cloudtrail/sample.json',
      'securityhub/sample.json',
      'falco/sample.json',
    ];
    const file = ndjsonOf(fixtures);
    const report = replayJson([file], repo);
    expect(report).toMatchObject({ events: 6, duplicates: 0 });
    expect(routedEvents(report)).toBe(6);

    const fromStdin = irac(['replay', '-', '--json'], repo, readFileSync(file, 'utf8'));
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout).tallies).toEqual(report.tallies);

    const redelivered = ndjsonOf([...fixtures, 'guardduty/sample.json']);
    expect(replayJson([redelivered], repo)).toMatchObject({
      events: 6,
      duplicates: 1,
      tallies: report.tallies,
    });
    expect(irac(['replay', redelivered], repo).stdout).toMatch(/; 1 re-delivery left out\n/);
    const one = irac(['replay', ndjsonOf(['guardduty/sample.json'])], repo).stdout;
    expect(one).toMatch(/^replayed 1 event from \S+ as 1 incident in /);
    expect(snapshot(repo)).toEqual(before);
  });

  it('with --compare REF, lists the events a playbook change in the working tree would reroute', () => {
    const repo = forkOfTemplate();
    const original = raiseInvestigate(repo);
    const before = snapshot(repo);

    const report = replayJson([SAMPLES, '--compare', 'HEAD'], repo);
    expect(report.rulesets).toEqual(['HEAD', 'now']);
    expect(report.tallies).toHaveLength(2);
    expect(report.changed).toBeGreaterThan(0);
    expect(report.changes).toHaveLength(report.changed);
    const routes = (tally: number, route: string) => report.tallies[tally]?.routes[route]?.events ?? 0;
    expect(routes(1, 'routed:investigate-and-notify')).toBe(
      routes(0, 'routed:investigate-and-notify') + report.changed,
    );
    // Each change names the line of its event: normalizing the file gives that event on that line.
    const events = irac(['normalize', SAMPLES, '--json'], repo)
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    for (const change of report.changes) {
      expect(change.before).toMatch(/^routed:aws-compromised-/);
      expect(change.after).toBe('routed:investigate-and-notify');
      const line = Number(change.origin.slice(`${SAMPLES}:`.length));
      expect(change.origin).toBe(`${SAMPLES}:${line}`);
      expect(events[line - 1]?.id).toBe(change.event);
    }

    const run = irac(['replay', SAMPLES, '--compare', 'HEAD'], repo);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const changes = report.changed === 1 ? '1 event changes' : `${report.changed} events change`;
    expect(run.stdout).toMatch(new RegExp(`\n${changes} route\\b[^\n]* from HEAD to now\n`));
    for (const change of report.changes) {
      expect(run.stdout).toContain(`\n  ${change.origin}  ${change.before} → ${change.after}  `);
    }
    expect(snapshot(repo)).toEqual(before);

    // The same change once committed, against the commit before it; and no change at all.
    git(repo, 'commit', '--quiet', '-am', 'investigate every high incident first');
    expect(replayJson([SAMPLES, '--compare', 'HEAD~1'], repo).changes).toEqual(report.changes);
    writeFileSync(join(repo, INVESTIGATE), original);
    git(repo, 'commit', '--quiet', '-am', 'back to the AWS playbooks first');
    const unchanged = irac(['replay', SAMPLES, '--compare', 'HEAD~2'], repo);
    expect([unchanged.code, unchanged.stderr]).toEqual([0, '']);
    expect(unchanged.stdout).toMatch(/\n0 events change route\b[^\n]* from HEAD~2 to now\n$/);
  });

  it('reports a trigger change, run with --repo or from any directory inside the repository', () => {
    const repo = forkOfTemplate();
    const path = join(repo, 'playbooks/aws-compromised-ec2-instance.yaml');
    const text = readFileSync(path, 'utf8');
    // A trigger that claims nothing: its instances fall through to the severity playbooks.
    writeFileSync(path, text.replace(/^trigger: >-\n(?: {2}.*\n)+/m, 'trigger: "false"\n'));
    const report = replayJson([SAMPLES, '--repo', repo, '--compare', 'HEAD'], scratchDir());
    expect(report.changed).toBeGreaterThan(0);
    expect(report.changed).toBe(report.tallies[0]?.routes['routed:aws-compromised-ec2-instance']?.events);
    expect(report.tallies[1]?.routes['routed:aws-compromised-ec2-instance']).toBeUndefined();
    for (const change of report.changes) expect(change.before).toBe('routed:aws-compromised-ec2-instance');
    // As triage does, replay reads the rules at the repository's top level, wherever it starts.
    const inside = replayJson([SAMPLES, '--compare', 'HEAD'], join(repo, 'playbooks'));
    expect([inside.tallies, inside.changes]).toEqual([report.tallies, report.changes]);
  });

  it('rejects a malformed line naming the file and line, and writes nothing', () => {
    const repo = forkOfTemplate();
    const before = snapshot(repo);
    const [first = '', second = ''] = readFileSync(SAMPLES, 'utf8').split('\n');
    const file = join(scratchDir('irac-replay-'), 'broken.ndjson');
    writeFileSync(file, `${first}\n${second}\n{"detail": {"severity": 8\n${first}\n`);
    const run = irac(['replay', file], repo);
    expect([run.code, run.stdout]).toEqual([1, '']);
    const where = `irac: ${file}:3: invalid JSON: `;
    expect(run.stderr.slice(0, where.length)).toBe(where);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(snapshot(repo)).toEqual(before);
  });

  it('rejects an unknown ref, a missing file or directory with one line; usage errors exit 2', () => {
    const repo = forkOfTemplate();
    const before = snapshot(repo);
    expect(irac(['replay', SAMPLES, '--compare', 'no-such-ref'], repo)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'irac: no-such-ref: names no commit in this repository\n',
    });
    expect(irac(['replay', SAMPLES, '--repo', join(repo, 'nowhere')], repo)).toEqual({
      code: 1,
      stdout: '',
      stderr: `irac: ${join(repo, 'nowhere')}: no such directory\n`,
    });
    const missing = join(repo, 'missing.ndjson');
    expect(irac(['replay', missing], repo)).toEqual({
      code: 1,
      stdout: '',
      stderr: `irac: ${missing}: no such file\n`,
    });
    for (const args of [
      ['replay'],
      ['replay', SAMPLES, '--compare'],
      ['replay', SAMPLES, '--compare', '--json'],
    ]) {
      const run = irac(args, repo);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(snapshot(repo)).toEqual(before);
  });
});

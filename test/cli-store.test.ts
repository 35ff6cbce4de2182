// `irac ingest`, `irac verify` and `irac timeline` as users run them: the compiled bin in a child
// process against real repositories.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { git, scratchDir, scratchRemote, scratchRepo } from './helpers/git.js';

const BIN = join(REPO_ROOT, 'bin/irac.js');
const SAMPLE = join(FIXTURES_DIR, 'generic/sample.json');
const GUARDDUTY = join(FIXTURES_DIR, 'guardduty/sample.json');

function irac(args: string[], cwd: string, input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, IRAC_ACTOR: 'cli-test', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function incidentIdIn(stdout: string): string {
  const match = /IR-\d{8}-[0-9a-z]{8}/.exec(stdout);
  if (!match) throw new Error(`no incident id in ${stdout}`);
  return match[0];
}

describe('irac ingest', () => {
  it('records a payload, prints the incident, and a second delivery is reported, not recorded', () => {
    const repo = scratchRepo();
    const first = irac(['ingest', SAMPLE, '--repo', repo], scratchDir());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^opened IR-\d{8}-[0-9a-z]{8} {2}generic-[0-9a-f]{32} {2}high generic okta.impossible_travel\n/,
    );
    expect(first.stdout).toMatch(/1 event: 1 opened, 0 joined, 0 already recorded \(1 commit on main\)\n$/);
    const id = incidentIdIn(first.stdout);
    const second = irac(['ingest', SAMPLE], repo);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already recorded in ${id}`);
    expect(second.stdout).toContain('(nothing to commit)');
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('reads a repository_dispatch event file from stdin and pushes to origin', () => {
    const { origin, clone } = scratchRemote();
    const work = clone();
    const dispatch = JSON.stringify({
      event_type: 'security-event',
      client_payload: {
        source: 'guardduty',
        event: JSON.parse(git(REPO_ROOT, 'show', `HEAD:test/fixtures/guardduty/sample.json`)),
      },
    });
    const run = irac(['ingest', '-', '--json'], work, dispatch);
    expect(run.stderr).toBe('');
    const [line] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({ outcome: 'opened', event: expect.stringMatching(/^guardduty-/) });
    expect(git(origin, 'rev-parse', 'main')).toBe(line.commit);
  });

  it('in a repository_dispatch run, reads the runner’s event file and commits as github-actions[bot]', () => {
    const repo = scratchRepo();
    const eventFile = join(scratchDir(), 'event.json');
    writeFileSync(
      eventFile,
      JSON.stringify({
        action: 'security-event',
        client_payload: {
          event: JSON.parse(git(REPO_ROOT, 'show', 'HEAD:test/fixtures/generic/sample.json')),
        },
      }),
    );
    const run = irac(['ingest'], repo, '', {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'repository_dispatch',
      GITHUB_EVENT_PATH: eventFile,
      IRAC_ACTOR: '',
      GITHUB_ACTOR: 'siem-relay',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/ir',
      GITHUB_RUN_ID: '42',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^opened IR-/);
    expect(git(repo, 'log', '-1', '--format=%an <%ae>%n%(trailers:key=Irac-Actor,valueonly)').trim()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\nsiem-relay (https://github.com/acme/ir/actions/runs/42)',
    );
  });

  it('rejects a bad payload with one line and writes nothing', () => {
    const repo = scratchRepo();
    const head = git(repo, 'rev-parse', 'HEAD');
    const run = irac(['ingest', '-', '--repo', repo], scratchDir(), '{"__proto__": {"polluted": true}}');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^irac: stdin: /);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(repo, 'incidents'))).toBe(false);
  });

  it('rejects a directory that is not a repository, and one that does not exist', () => {
    const plain = scratchDir();
    const notRepo = irac(['ingest', SAMPLE, '--repo', plain], plain);
    expect(notRepo).toMatchObject({ code: 1, stdout: '' });
    expect(notRepo.stderr).toBe(
      `irac: ${plain}: is not in a git repository (run \`git init\`, or point --repo at one)\n`,
    );
    const missing = irac(['ingest', SAMPLE, '--repo', join(plain, 'nope')], plain);
    expect(missing.stderr).toBe(`irac: ${join(plain, 'nope')}: no such directory\n`);
    expect(existsSync(join(plain, 'incidents'))).toBe(false);
  });

  it('rejects a bad configuration file, naming line and column, before writing anything', () => {
    const repo = scratchRepo();
    writeFileSync(join(repo, 'incident-response-config.yaml'), 'orchestrator:\n  correlation_window: soon\n');
    const run = irac(['ingest', SAMPLE], repo);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^irac: incident-response-config.yaml:2:\d+: .*correlation_window/);
    expect(existsSync(join(repo, 'incidents'))).toBe(false);
  });

  it('refuses to record unsigned when the configuration requires signed commits', () => {
    const repo = scratchRepo();
    writeFileSync(
      join(repo, 'incident-response-config.yaml'),
      'orchestrator:\n  signing:\n    require_signed: true\n',
    );
    const run = irac(['ingest', SAMPLE], repo, '');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /incident-response-config.yaml: orchestrator.signing.require_signed is set but no signing key/,
    );
    expect(existsSync(join(repo, 'incidents'))).toBe(false);
  });
});

describe('irac verify and irac timeline', () => {
  function repoWithIncident() {
    const repo = scratchRepo();
    const id = incidentIdIn(irac(['ingest', SAMPLE], repo).stdout);
    irac(['ingest', GUARDDUTY], repo);
    return { repo, id };
  }

  it('verify: ok on an untouched store; on tampering, problems on stdout, one line on stderr, exit 1', () => {
    const { repo, id } = repoWithIncident();
    const ok = irac(['verify'], repo);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toBe('verify: ok — 2 incidents, 2 events, 2 commits\n');
    const json = JSON.parse(irac(['verify', '--json'], repo).stdout);
    expect(json).toMatchObject({ ok: true, incidents: 2, events: 2, commits: 2, problems: [] });

    const yaml =
      git(repo, 'ls-files', 'incidents/*/incident.yaml')
        .split('\n')
        .find((p) => p.includes(id)) ?? '';
    writeFileSync(join(repo, yaml), 'status: resolved\n');
    git(repo, 'commit', '--quiet', '-am', 'close it by hand');
    const bad = irac(['verify'], repo);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${yaml}: not the version recorded at`);
    expect(bad.stderr).toMatch(/^irac: verify: \d+ problems in 2 incidents, 2 events, 3 commits\n$/);
  });

  it('timeline: markdown by default, JSON and Mermaid on request', () => {
    const { repo, id } = repoWithIncident();
    const md = irac(['timeline', id], repo);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`## ${id} — `);
    expect(md.stdout).toMatch(/\| 2026-03-01 09:58:12Z \| detected \| `generic` \|/);
    expect(md.stdout).toMatch(/\| ingest \| `cli-test` \| .* \| `[0-9a-f]{12}` \|/);
    const json = JSON.parse(irac(['timeline', id, '--format', 'json'], repo).stdout);
    expect(json.incident.id).toBe(id);
    expect(json.items.map((i: { what: string }) => i.what)).toEqual(['detected', 'ingest']);
    expect(json.items[1].commit).toBe(git(repo, 'log', '--format=%H', '--grep', id, '-1'));
    const mermaid = irac(['timeline', id, '--format', 'mermaid'], repo);
    expect(mermaid.stdout.split('\n')[0]).toBe('timeline');
  });

  it('timeline refuses malformed and unknown ids, and unknown formats', () => {
    const repo = scratchRepo();
    expect(irac(['timeline', '../../etc'], repo)).toMatchObject({
      code: 1,
      stderr: 'irac: ID: "../../etc" is not an incident id (IR-yyyymmdd-xxxxxxxx)\n',
    });
    expect(irac(['timeline', 'IR-20260101-aaaaaaaa'], repo)).toMatchObject({
      code: 1,
      stderr: 'irac: IR-20260101-aaaaaaaa: no such incident in this repository\n',
    });
    expect(irac(['timeline', 'IR-20260101-aaaaaaaa', '--format', 'pdf'], repo).code).toBe(2);
  });
});

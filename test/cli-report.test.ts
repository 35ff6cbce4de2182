// `irac report ID [--pr]` over a real store the pipeline wrote — a GuardDuty finding ingested, triaged,
// planned, contained live on alice's approval and resolved with a remediation list, through the compiled
// bin against the loopback sims — then proposed as a pull request to the loopback GitHub, twice, and once
// more after the incident changed: one pull request, one set of remediation issues. What people wrote on
// the branch, retitled issues and a merged report edited on the default branch are left as they are.

import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isGeneratedPostmortem,
  issueTitle,
  postmortemFile,
  type ReportEnvironment,
  reportCommand,
} from '../src/cli/report-command.js';
import { type Run, runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { git, scratchRepo } from './helpers/git.js';
import { REPOSITORY, type ResponseWorld, startResponseWorld } from './support/response-world.js';

const NODE = existsSync(join(REPO_ROOT, 'node_modules/node/bin/node'))
  ? join(REPO_ROOT, 'node_modules/node/bin/node')
  : process.execPath;
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
const GUARDDUTY_FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
const SLOW = 180_000;

const worlds: ResponseWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

async function ok(args: string[], cwd: string, sims: ResponseWorld): Promise<Run> {
  const run = await runBin(args, cwd, { ...sims.env, IRAC_ACTOR: 'cli-test' }, NODE);
  expect([run.code, run.stderr], args.join(' ')).toEqual([0, '']);
  return run;
}

/** The store: the C&C finding contained on alice's approval and resolved with a remediation list. */
async function containedIncident(sims: ResponseWorld): Promise<{ repo: string; id: string; plan: string }> {
  const repo = scratchRepo();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(repo, path), { recursive: true });
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', 'start from the irac template');
  const ingested = await ok(['ingest', GUARDDUTY_FINDINGS], repo, sims);
  const id =
    [...ingested.stdout.matchAll(/^opened (IR-\S+) {2}\S+ {2}\S+ \S+ (.+)$/gm)].find(
      ([, , kind]) => kind === EC2_BACKDOOR,
    )?.[1] ?? '';
  expect(id).toMatch(/^IR-/);
  await ok(['triage', id], repo, sims);
  const plan = JSON.parse((await ok(['plan', id, '--json'], repo, sims)).stdout).plan_sha256 as string;
  await ok(['execute', id], repo, sims);
  await ok(['execute', id, '--live', '--approved-by', 'alice', '--plan-hash', plan], repo, sims);
  await ok(
    [
      'resolve',
      id,
      '--note',
      'Beacon traced to a test image.\nremediation:\n- Pin the base image of orders-worker\n- Alert on new C&C domains within 5m',
    ],
    repo,
    sims,
  );
  return { repo, id, plan };
}

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
    readStdin: async () => undefined,
  };
  return { out, io };
}

describe('irac report', () => {
  it(
    'writes the blameless report from the store, then proposes it once however often --pr runs',
    async () => {
      const sims = await startResponseWorld();
      worlds.push(sims);
      sims.github.putFile(REPOSITORY, 'README.md', '# security incidents\n');
      const { repo, id, plan } = await containedIncident(sims);
      const environment: ReportEnvironment = { env: sims.env, secondMs: 1 };

      // Without --pr: the report, and nothing sent anywhere.
      const before = sims.mutations();
      const printed = capture();
      await reportCommand(id, { repo }, printed.io, environment);
      expect(sims.mutations()).toEqual(before);
      const report = printed.out.stdout;
      for (const section of [
        '## Summary',
        '## Durations',
        '## Timeline',
        '```mermaid',
        '## The decision and why',
        '## Approvals',
        '## Actions',
        '## Evidence manifest',
        '## What worked',
        '## What did not',
        '## Tooling failures',
        '## Remediation items',
      ]) {
        expect(report).toContain(section);
      }
      expect(report).toMatch(
        new RegExp(`\\| \`alice\` \\| [^|]+ \\| \`isolate-instance\` \\| \`${plan}\` \\| yes \\|`),
      );
      expect(report).toContain('`ec2:ModifyNetworkInterfaceAttribute eni-0c2c2c2c2c2c2c2c1');
      expect(report).toContain('checked by `irac verify`: all match');
      expect(report).not.toMatch(/\| \S+ \| \d+ \| `[0-9a-f]{64}` \| [^|]+ \| (?!ok \|)/);
      expect(report).toContain('- `Pin the base image of orders-worker` (note)');

      // --pr: the branch, the file, the pull request and the issues.
      const first = capture();
      await reportCommand(id, { repo, pr: true }, first.io, environment);
      expect(first.out.stdout).toBe(report);
      const pulls = sims.github.pulls(REPOSITORY);
      expect(pulls).toMatchObject([
        { title: `Post-incident report: ${id}`, head: `irac/postmortem-${id}`, base: 'main', state: 'open' },
      ]);
      expect(sims.github.file(REPOSITORY, `postmortems/${id}.md`, { branch: `irac/postmortem-${id}` })).toBe(
        postmortemFile(report),
      );
      expect(postmortemFile(report)).toMatch(/\n<!-- irac:report sha256=[0-9a-f]{64} -->\n$/);
      expect(sims.github.file(REPOSITORY, `postmortems/${id}.md`)).toBeUndefined();
      const remediation = () =>
        sims.github
          .issues(REPOSITORY)
          .filter((issue) => issue.labels.includes('remediation'))
          .map((issue) => [issue.title, issue.labels]);
      expect(remediation()).toEqual([
        [`[${id}] Pin the base image of orders-worker`, [id, 'remediation']],
        [`[${id}] Alert on new C&C domains within 5m`, [id, 'remediation']],
      ]);
      expect(first.out.stderr).toContain(`report: pull request #${pulls[0]?.number} opened: `);

      // Again, unchanged: nothing written.
      const writes = sims.github.mutatingRequests().length;
      const second = capture();
      await reportCommand(id, { repo, pr: true, json: true }, second.io, environment);
      const published = JSON.parse(second.out.stdout);
      expect(published.pull_request).toMatchObject({ number: pulls[0]?.number, state: 'unchanged' });
      expect(published.issues.map((issue: { state: string }) => issue.state)).toEqual(['exists', 'exists']);
      expect(sims.github.mutatingRequests().length).toBe(writes);

      // The incident changes (its containment undone): the same pull request's file is updated.
      await ok(['undo', id], repo, sims);
      const third = capture();
      await reportCommand(id, { repo, pr: true }, third.io, environment);
      expect(third.out.stderr).toContain(`report: pull request #${pulls[0]?.number} updated: `);
      expect(third.out.stdout).not.toBe(report);
      expect(sims.github.pulls(REPOSITORY)).toHaveLength(1);
      expect(sims.github.file(REPOSITORY, `postmortems/${id}.md`, { branch: `irac/postmortem-${id}` })).toBe(
        postmortemFile(third.out.stdout),
      );
      expect(remediation()).toHaveLength(2);

      // A reviewer retitles an issue and edits the report on the branch: a rerun keeps both.
      const octokit = new Octokit({
        auth: sims.env.GITHUB_TOKEN ?? '',
        baseUrl: sims.env.GITHUB_API_URL ?? '',
      });
      const [owner, name] = REPOSITORY.split('/') as [string, string];
      const pinned = sims.github.issues(REPOSITORY).find((issue) => issue.title.includes('Pin the base'));
      await octokit.issues.update({
        owner,
        repo: name,
        issue_number: pinned?.number ?? 0,
        title: 'Pin every base image (was: orders-worker)',
      });
      const edited = `${third.out.stdout}\n## What people saw\n\nThe on-call noticed the beacon first.\n`;
      sims.github.putFile(REPOSITORY, `postmortems/${id}.md`, edited, { branch: `irac/postmortem-${id}` });
      const reviewed = sims.github.mutatingRequests().length;
      const fourth = capture();
      await reportCommand(id, { repo, pr: true, json: true }, fourth.io, environment);
      const kept = JSON.parse(fourth.out.stdout);
      expect(kept.pull_request).toMatchObject({ number: pulls[0]?.number, state: 'edited' });
      expect(kept.issues.map((issue: { state: string }) => issue.state)).toEqual(['exists', 'exists']);
      expect(sims.github.mutatingRequests().length).toBe(reviewed);
      expect(sims.github.file(REPOSITORY, `postmortems/${id}.md`, { branch: `irac/postmortem-${id}` })).toBe(
        edited,
      );
      expect(remediation()).toHaveLength(2);

      // Merged, its branch gone: irac's own version on the default branch is `merged`; once people edit
      // it there, a rerun opens no branch and writes nothing.
      const merged = 'example-org/postmortems-merged';
      sims.github.addRepository(merged);
      sims.github.putFile(merged, `postmortems/${id}.md`, postmortemFile(third.out.stdout));
      const mergedEnvironment = { ...environment, env: { ...sims.env, GITHUB_REPOSITORY: merged } };
      const fifth = capture();
      await reportCommand(id, { repo, pr: true }, fifth.io, mergedEnvironment);
      expect(fifth.out.stderr).toContain(`report: postmortems/${id}.md is already in the default branch`);
      const humanEdit = `${postmortemFile(third.out.stdout)}\nFollow-up: rotated the image signing key.\n`;
      sims.github.putFile(merged, `postmortems/${id}.md`, humanEdit);
      const sixth = capture();
      await reportCommand(id, { repo, pr: true }, sixth.io, mergedEnvironment);
      expect(sixth.out.stderr).toContain(
        `report: postmortems/${id}.md in the default branch was edited by people; left as they wrote it`,
      );
      expect(sims.github.file(merged, `postmortems/${id}.md`)).toBe(humanEdit);
      expect(sims.github.file(merged, `postmortems/${id}.md`, { branch: `irac/postmortem-${id}` })).toBe(
        undefined,
      );
      expect(sims.github.pulls(merged)).toEqual([]);

      // The report read the store and wrote nothing to it.
      await ok(['verify'], repo, sims);
      expect(git(repo, 'status', '--porcelain')).toBe('');
    },
    SLOW,
  );

  it('titles remediation issues as GitHub keeps them: no controls or bidi, cut between code points', () => {
    const id = 'IR-20260301-abcdefgh';
    expect(issueTitle(id, { text: 'Rotate\u0007 the \u202ekey\u202c for @ops', source: 'note' })).toBe(
      `[${id}] Rotate\uFFFD the \uFFFDkey\uFFFD for @\u2060ops`,
    );
    const long = issueTitle(id, { text: `${'a'.repeat(230)}😀😀`, source: 'note' });
    expect(long).toBe(`[${id}] ${'a'.repeat(230)}😀…`);
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('knows its own report file from one people edited', () => {
    const file = postmortemFile('# Post-incident report\n');
    expect(isGeneratedPostmortem(file)).toBe(true);
    expect(isGeneratedPostmortem(file.replace('report', 'review'))).toBe(false);
    expect(isGeneratedPostmortem(`${file}More.\n`)).toBe(false);
    expect(isGeneratedPostmortem('# Post-incident report\n')).toBe(false);
  });

  it('refuses --pr without a repository or a token, and an incident the store does not hold', async () => {
    const sims = await startResponseWorld();
    worlds.push(sims);
    const repo = scratchRepo();
    const { io } = capture();
    const { GITHUB_TOKEN: _token, ...noToken } = sims.env;
    await expect(
      reportCommand('IR-20260301-abcdefgh', { repo, pr: true }, io, { env: noToken, secondMs: 1 }),
    ).rejects.toThrow('GITHUB_TOKEN: --pr needs a token that may write contents, pull requests and issues');
    await expect(
      reportCommand('IR-20260301-abcdefgh', { repo, pr: true }, io, {
        env: { ...sims.env, GITHUB_REPOSITORY: 'not a repo' },
      }),
    ).rejects.toThrow('GITHUB_REPOSITORY: --pr needs the repository to propose the report to, as owner/name');
    await expect(reportCommand('IR-20260301-abcdefgh', { repo }, io)).rejects.toThrow(
      'IR-20260301-abcdefgh: no such incident in this repository',
    );
  });
});

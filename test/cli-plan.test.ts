// `irac plan ID` as a responder (or the workflow) runs it: the compiled bin in a child process, in a
// fork of this template, with real git — what a reviewer is shown and approves, what is committed, what
// is refused, and what `irac verify` says of plan.json afterwards.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/plan/plan.js';
import { incidentDir } from '../src/store/layout.js';
import { type Run, runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchDir, scratchRemote, scratchRepo } from './helpers/git.js';

const CONFIG = 'incident-response-config.yaml';
const TEMPLATE = [CONFIG, 'playbooks', 'assets', 'intel'];
/** An instance role's credentials used from outside AWS (eu-west-1, account 123456789012). */
const ROLE_CREDENTIALS = join(FIXTURES_DIR, 'guardduty/sample.json');
/** Two GuardDuty findings; one, an EC2 instance in us-east-2 querying a C&C domain. */
const GUARDDUTY_FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
/** StopLogging by the IAM user ci-deployer: a user, an access key and a trail, no role. */
const STOP_LOGGING = join(FIXTURES_DIR, 'cloudtrail/sample.json');
const IAM_PLAYBOOK = 'playbooks/aws-compromised-iam-credentials.yaml';

async function irac(args: string[], cwd: string): Promise<Run> {
  return runBin(args, cwd, { ...process.env, IRAC_ACTOR: 'cli-test' });
}

/** A command that must succeed, quietly. */
async function ok(args: string[], cwd: string): Promise<Run> {
  const run = await irac(args, cwd);
  expect([run.code, run.stderr], args.join(' ')).toEqual([0, '']);
  return run;
}

/** A security team's repository: the template's configuration, playbooks, registry and feeds, committed. */
function forkOfTemplate(dir = scratchRepo()): string {
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  return dir;
}

function commitAll(repo: string, message: string): void {
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', message);
}

/** Replaces text in a file of the working tree; fails when the text is not there. */
function edit(repo: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(repo, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(repo, path), text.replace(from, to));
}

/** Ingests a fixture; the incident each of its events opened, by the event's kind. */
async function ingest(repo: string, fixture: string): Promise<Record<string, string>> {
  const run = await ok(['ingest', fixture], repo);
  const opened: Record<string, string> = {};
  for (const [, id = '', kind = ''] of run.stdout.matchAll(/^opened (IR-\S+) {2}\S+ {2}\S+ \S+ (.+)$/gm)) {
    opened[kind] = id;
  }
  return opened;
}

async function ingestOne(repo: string, fixture: string): Promise<string> {
  const ids = Object.values(await ingest(repo, fixture));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

/** A fork with the fixture's incident ingested and triaged. */
async function triaged(fixture = ROLE_CREDENTIALS, repo = forkOfTemplate()) {
  const id = await ingestOne(repo, fixture);
  await ok(['triage', id], repo);
  return { repo, id, base: incidentDir(id) };
}

/** A file as HEAD holds it, byte for byte. */
const committed = (repo: string, path: string) =>
  execFileSync('git', ['show', `HEAD:${path}`], { cwd: repo, encoding: 'utf8' });
const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');
const canonicalHash = (value: unknown) =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

function lastAuditEntry(repo: string, base: string): { seq: number; data: Record<string, unknown> } {
  const lines = committed(repo, `${base}/audit.jsonl`).trimEnd().split('\n');
  return JSON.parse(lines.at(-1) ?? '');
}

/** The repository's state, to show a refused command left it as it was. */
function snapshot(repo: string) {
  return { head: git(repo, 'rev-parse', 'HEAD'), status: git(repo, 'status', '--porcelain') };
}

/** A refused plan: exit 1, nothing on stdout, exactly `irac: <line>` on stderr, the repository untouched. */
async function expectRefused(repo: string, id: string, line: string): Promise<void> {
  const before = snapshot(repo);
  expect(await irac(['plan', id], repo)).toEqual({ code: 1, stdout: '', stderr: `irac: ${line}\n` });
  expect(snapshot(repo)).toEqual(before);
}

describe('irac plan', () => {
  it('plans stolen role credentials: each step, where it acts, its calls, who approves; commits plan.json', async () => {
    const { repo, id, base } = await triaged();
    const before = git(repo, 'rev-parse', 'HEAD');
    const run = await ok(['plan', id], repo);
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(git(repo, 'rev-parse', 'HEAD~1')).toBe(before);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      ['README.md', 'audit.jsonl', 'incident.yaml', 'plan.json'].map((file) => `${base}/${file}`),
    );

    // The hash printed is the one recorded, and anyone can recompute it from plan.json.
    const planJson = JSON.parse(committed(repo, `${base}/plan.json`)) as Plan;
    const hash = canonicalHash(planJson);
    const entry = lastAuditEntry(repo, base);
    expect(entry).toMatchObject({ seq: 3, action: 'plan', actor: 'cli-test', data: { plan_sha256: hash } });
    expect(commitLog(repo)[0]).toEqual({
      subject: `plan: ${id} aws-compromised-iam-credentials: 4 of 6 steps, 1 waiting for ir-containment`,
      trailers: expect.objectContaining({
        'Incident-Id': id,
        'Irac-Action': 'plan',
        'Irac-Actor': 'cli-test',
      }),
    });

    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      `plan ${hash}`,
      `${id}: playbook aws-compromised-iam-credentials (${IAM_PLAYBOOK})`,
    ]);
    expect(lines).toContain('  - notify-channel (slack:post_message): runs without approval');
    expect(lines).toContain(
      '  - collect-trail (aws:cloudtrail.lookup_events) in 123456789012/eu-west-1: runs without approval',
    );
    expect(lines).toContain(
      '  - deactivate-access-keys (aws:iam.deactivate_access_keys): skipped, its condition does not hold',
    );
    expect(lines).toContain('  - deny-user (aws:iam.deny_all): skipped, its condition does not hold');
    expect(lines).toContain(
      '  - revoke-role-sessions (aws:iam.revoke_role_sessions) in 123456789012/eu-west-1: waits for a reviewer in ir-containment',
    );
    // Under each applying step, the calls a live run makes, as the plan records them.
    for (const step of planJson.steps) {
      for (const call of step.calls)
        expect(lines).toContain(`      ${call.call} ${call.target}: ${call.effect}`);
    }
    expect(run.stdout).toMatch(/^ {6}iam:PutRolePolicy \S*orders-api-instance-role\S*: /m);
    expect(
      run.stdout.endsWith(
        `\napproval: ir-containment, bound to this hash\nrecorded in ${head.slice(0, 12)} on main\n`,
      ),
    ).toBe(true);

    const verify = await ok(['verify'], repo);
    expect(verify.stdout).toBe('verify: ok — 1 incident, 1 event, 3 commits\n');
    const timeline = await ok(['timeline', id], repo);
    expect(timeline.stdout).toContain(
      `| plan | \`cli-test\` | \`aws-compromised-iam-credentials: 4 of 6 steps, 1 waiting for ir-containment\` | \`${head.slice(0, 12)}\` |`,
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('prints one JSON object with --json: the plan as plan.json holds it, its hash and its commit', async () => {
    const { repo, id, base } = await triaged();
    const run = await ok(['plan', id, '--json'], repo);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const { plan, plan_sha256, commit } = JSON.parse(run.stdout);
    expect(commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(plan).toEqual(JSON.parse(committed(repo, `${base}/plan.json`)));
    expect(plan_sha256).toBe(canonicalHash(plan));
    expect(plan).toMatchObject({ incident: id, environment: 'ir-containment', needs_approval: true });
  });

  it('plans a C&C finding on an EC2 instance: evidence first without approval, containment waits', async () => {
    const repo = forkOfTemplate();
    const id = (await ingest(repo, GUARDDUTY_FINDINGS))[EC2_BACKDOOR] ?? '';
    expect(id).toMatch(/^IR-/);
    await ok(['triage', id], repo);
    const run = await ok(['plan', id], repo);
    const where = 'in 123456789012/us-east-2';
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  - '))).toEqual([
      '  - notify-channel (slack:post_message): runs without approval',
      `  - tag-instance (aws:ec2.tag_resource) ${where}: runs without approval`,
      `  - protect-instance (aws:ec2.protect_instance) ${where}: runs without approval`,
      `  - snapshot-volumes (aws:ec2.snapshot_instance) ${where}: runs without approval`,
      `  - enter-standby (aws:autoscaling.standby) ${where}: waits for a reviewer in ir-containment`,
      `  - isolate-instance (aws:ec2.isolate_instance) ${where}: waits for a reviewer in ir-containment`,
      `  - remove-instance-profile (aws:ec2.replace_instance_profile) ${where}: waits for a reviewer in ir-containment`,
      `  - disable-metadata (aws:ec2.disable_imds) ${where}: waits for a reviewer in ir-containment`,
      '  - open-ticket (github:create_issue): runs without approval',
    ]);
    expect(run.stdout).toMatch(/^ {6}ec2:ModifyNetworkInterfaceAttribute \S*i-07a8b9c0d1e2f3a4b\S*: /m);
    const plan = JSON.parse(committed(repo, `${incidentDir(id)}/plan.json`)) as Plan;
    expect(plan.steps.find((step) => step.id === 'tag-instance')?.parameters).toEqual({
      resource_id: 'i-07a8b9c0d1e2f3a4b',
      tags: { 'irac:incident': id, 'irac:status': 'under-investigation' },
    });
  });

  it('says "unchanged" and commits nothing when the plan is already recorded', async () => {
    const { repo, id } = await triaged();
    const first = await ok(['plan', id], repo);
    const after = snapshot(repo);
    const again = await ok(['plan', id], repo);
    expect(again.stdout.split('\n')[0]).toBe(first.stdout.split('\n')[0]);
    expect(again.stdout.endsWith('\nunchanged: this plan is already recorded\n')).toBe(true);
    expect(snapshot(repo)).toEqual(after);
    const json = await ok(['plan', id, '--json'], repo);
    expect(JSON.parse(json.stdout)).toMatchObject({ commit: null });
    expect(snapshot(repo)).toEqual(after);
  });

  it('gives a re-triaged incident a new plan, recorded as replacing the old hash', async () => {
    const { repo, id, base } = await triaged();
    const first = JSON.parse((await ok(['plan', id, '--json'], repo)).stdout);
    writeFileSync(
      join(repo, 'playbooks/role-credentials-first.yaml'),
      `id: role-credentials-first
description: Stolen instance-role credentials, revoked at once.
priority: 5
trigger: event.vendor == 'guardduty' && event.kind.startsWith('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration')
tier:
  environment: ir-containment
steps:
  - id: revoke
    action: aws:iam.revoke_role_sessions
    requires_approval: true
`,
    );
    commitAll(repo, 'revoke stolen role credentials first');
    await ok(['triage', id], repo);
    const second = JSON.parse((await ok(['plan', id, '--json'], repo)).stdout);
    expect(second.plan_sha256).not.toBe(first.plan_sha256);
    expect(second.plan.playbook.id).toBe('role-credentials-first');
    expect(lastAuditEntry(repo, base)).toMatchObject({
      seq: 5,
      data: { plan_sha256: second.plan_sha256, replaces: first.plan_sha256 },
    });
    await ok(['verify'], repo);
  });

  it('skips a step whose parameters the event cannot give, says why, and plans the rest', async () => {
    const repo = forkOfTemplate();
    writeFileSync(
      join(repo, 'playbooks/contain-trail-stopper.yaml'),
      `id: contain-trail-stopper
description: Whoever stopped the trail loses their access.
priority: 5
trigger: event.vendor == 'cloudtrail'
tier:
  environment: ir-containment
steps:
  - id: revoke-role-sessions
    action: aws:iam.revoke_role_sessions
    requires_approval: true
  - id: deny-user
    action: aws:iam.deny_all
    requires_approval: true
`,
    );
    commitAll(repo, 'contain whoever stops a trail');
    const { id } = await triaged(STOP_LOGGING, repo);
    const run = await ok(['plan', id], repo);
    expect(run.stdout).toMatch(
      /^ {2}- revoke-role-sessions \(aws:iam\.revoke_role_sessions\): skipped, its parameters cannot be resolved: schemas\/actions\/aws\/iam\.revoke_role_sessions\.json: parameters\.properties\.role_name\.default: .+$/m,
    );
    expect(run.stdout).toContain(
      '  - deny-user (aws:iam.deny_all) in 111122223333/eu-west-1: waits for a reviewer in ir-containment\n',
    );
    expect(run.stdout).toMatch(/^ {6}iam:PutUserPolicy \S*ci-deployer\S*: /m);
  });

  it('plans a playbook written inline in the configuration the same, from any directory', async () => {
    const repo = forkOfTemplate();
    edit(
      repo,
      CONFIG,
      '\nplaybooks: []\n',
      `
playbooks:
  - id: inline-role-credentials
    description: Stolen instance-role credentials, told to the channel.
    priority: 5
    trigger: event.vendor == 'guardduty'
    steps:
      - id: notify
        action: slack:post_message
        with:
          channel: "#ir"
`,
    );
    commitAll(repo, 'an inline playbook');
    const { id, base } = await triaged(ROLE_CREDENTIALS, repo);
    // From outside the repository (--repo), as from a subdirectory: the same plan, named by the same file.
    mkdirSync(join(repo, 'notes'));
    const outside = JSON.parse((await ok(['plan', id, '--json', '--repo', repo], scratchDir())).stdout);
    expect(outside.plan.playbook).toMatchObject({ id: 'inline-role-credentials', file: CONFIG });
    expect(outside.plan.playbook.sha256).toBe(sha256Of(committed(repo, CONFIG)));
    expect(JSON.parse(committed(repo, `${base}/plan.json`))).toEqual(outside.plan);
    const inside = await ok(['plan', id], join(repo, 'notes'));
    expect(inside.stdout.endsWith('\nunchanged: this plan is already recorded\n')).toBe(true);
  });

  it('pushes the plan commit to origin', async () => {
    const { origin, clone } = scratchRemote();
    const work = forkOfTemplate(clone());
    git(work, 'push', '--quiet', 'origin', 'main');
    const { id } = await triaged(ROLE_CREDENTIALS, work);
    const run = await ok(['plan', id], work);
    const head = git(work, 'rev-parse', 'HEAD');
    expect(git(origin, 'rev-parse', 'main')).toBe(head);
    expect(run.stdout.endsWith(`\nrecorded in ${head.slice(0, 12)} on origin/main\n`)).toBe(true);
  });
});

describe('irac plan refuses, in one line, committing nothing', () => {
  it('an incident not triaged yet', async () => {
    const repo = forkOfTemplate();
    const id = await ingestOne(repo, ROLE_CREDENTIALS);
    await expectRefused(repo, id, `${id}: has not been triaged: run \`irac triage\` first`);
  });

  it('an incident triage suppressed, or routed nowhere', async () => {
    const repo = forkOfTemplate();
    edit(
      repo,
      CONFIG,
      '  suppressions: []\n',
      `  suppressions:
    - id: red-team
      when: "event.vendor == 'guardduty'"
      reason: the red team's exercise
      owner: secops@example.com
      expires: 2099-12-31
`,
    );
    edit(repo, CONFIG, 'default_playbook: queue-for-review', 'default_playbook: null');
    commitAll(repo, 'suppress the exercise; no default route');
    const suppressed = (await triaged(ROLE_CREDENTIALS, repo)).id;
    await expectRefused(repo, suppressed, `${suppressed}: has nothing to plan: triage suppressed it`);
    // A low-severity event no playbook's trigger takes, with no default route to fall back on.
    const lowEvent = join(scratchDir('irac-events-'), 'low.json');
    writeFileSync(
      lowEvent,
      JSON.stringify({
        id: 'lint-1',
        timestamp: '2026-11-28T09:58:12Z',
        severity: 'low',
        kind: 'edr.policy_drift',
        title: 'Policy drift on a build host',
        resource: 'build-host-7',
      }),
    );
    const unrouted = (await triaged(lowEvent, repo)).id;
    await expectRefused(repo, unrouted, `${unrouted}: has nothing to plan: triage routed it nowhere`);
  });

  it('an incident routed to a playbook the repository no longer has', async () => {
    const { repo, id } = await triaged();
    rmSync(join(repo, IAM_PLAYBOOK));
    commitAll(repo, 'retire the playbook');
    await expectRefused(
      repo,
      id,
      `${id}: is routed to playbook "aws-compromised-iam-credentials", which the repository no longer has`,
    );
  });

  it('a playbook with changes not committed: nobody reviewed them', async () => {
    const { repo, id } = await triaged();
    edit(repo, IAM_PLAYBOOK, 'retention: 30d', 'retention: 1d');
    await expectRefused(
      repo,
      id,
      `${IAM_PLAYBOOK}: has changes that are not committed: a plan is made only from playbooks as reviewed and committed`,
    );
  });

  it('a malformed or unknown id', async () => {
    const { repo } = await triaged();
    for (const id of ['../x', 'IR-bad', 'IR-20260101-aaaaaaa/../../..']) {
      await expectRefused(repo, id, `ID: ${JSON.stringify(id)} is not an incident id (IR-yyyymmdd-xxxxxxxx)`);
    }
    await expectRefused(repo, 'IR-20260101-aaaaaaaa', 'IR-20260101-aaaaaaaa: no such incident in the store');
  });

  it('exits 2 on a usage error: no id, two ids, an unknown option', async () => {
    const repo = forkOfTemplate();
    for (const args of [
      ['plan'],
      ['plan', 'IR-20260101-aaaaaaaa', 'IR-20260101-bbbbbbbb'],
      ['plan', '--live'],
    ]) {
      const run = await irac(args, repo);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toMatch(/^error: /);
    }
  });
});

describe('irac verify after irac plan', () => {
  it('reports a plan.json edited and committed with plain git as not the version recorded', async () => {
    const { repo, id, base } = await triaged();
    await ok(['plan', id], repo);
    await ok(['verify'], repo);
    // The reviewer's gate taken off by hand: what an approval for the recorded hash must not cover.
    edit(repo, `${base}/plan.json`, '"needs_approval": true', '"needs_approval": false');
    commitAll(repo, 'no approval needed');
    const run = await irac(['verify'], repo);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toContain(
      `${base}/plan.json: not the version recorded at ${base}/audit.jsonl:3 (edited outside irac)`,
    );
    expect(run.stderr).toMatch(/^irac: verify: 2 problems in 1 incident, 1 event, \d+ commits\n$/);
  });
});

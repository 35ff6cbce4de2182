// `irac execute`, `irac undo` and `irac resolve` as a responder (or the workflow) runs them: the compiled
// bin in a child process, in a fork of this template with real git, reaching loopback sims of AWS, Slack
// and GitHub through the standard variables. The sims answer in this process, so the bin is always
// spawned asynchronously: a synchronous spawn would block them and never return.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../src/plan/plan.js';
import { parseIncident } from '../src/store/incident.js';
import { incidentDir } from '../src/store/layout.js';
import { parseAuditEntries } from '../src/store/record.js';
import { type Run, runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchRepo } from './helpers/git.js';
import { INSTANCE, REPOSITORY, type ResponseWorld, startResponseWorld } from './support/response-world.js';

// The project's own Node (24), as the workflow runs it: the AWS SDK warns on stderr under older ones.
const NODE = existsSync(join(REPO_ROOT, 'node_modules/node/bin/node'))
  ? join(REPO_ROOT, 'node_modules/node/bin/node')
  : process.execPath;
const CONFIG = 'incident-response-config.yaml';
const TEMPLATE = [CONFIG, 'playbooks', 'assets', 'intel'];
/** Two GuardDuty findings; one, the EC2 instance i-07a8b9c0d1e2f3a4b querying a C&C domain. */
const GUARDDUTY_FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
const EC2_PLAYBOOK = 'playbooks/aws-compromised-ec2-instance.yaml';
const APPROVAL_REFUSED =
  'irac: --approved-by: must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)\n';
// Several runs of the bin, each loading the SDKs, per test.
const SLOW = 120_000;

const worlds: ResponseWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

async function world(options: { instance?: boolean } = {}): Promise<ResponseWorld> {
  const started = await startResponseWorld(options);
  worlds.push(started);
  return started;
}

async function irac(args: string[], cwd: string, sims: ResponseWorld): Promise<Run> {
  return runBin(args, cwd, { ...sims.env, IRAC_ACTOR: 'cli-test' }, NODE);
}

/** A command that must succeed, quietly. */
async function ok(args: string[], cwd: string, sims: ResponseWorld): Promise<Run> {
  const run = await irac(args, cwd, sims);
  expect([run.code, run.stderr], args.join(' ')).toEqual([0, '']);
  return run;
}

/**
 * A refused command: exit 1, exactly `line` on stderr, and nothing run — no commit, no call that changes
 * anything on any service.
 */
async function refused(args: string[], repo: string, sims: ResponseWorld, line: string | RegExp) {
  const before = { head: head(repo), mutations: sims.mutations() };
  const run = await irac(args, repo, sims);
  expect(run.code, args.join(' ')).toBe(1);
  if (typeof line === 'string') expect(run.stderr).toBe(line);
  else expect(run.stderr).toMatch(line);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect({ head: head(repo), mutations: sims.mutations() }).toEqual(before);
  return run;
}

function commitAll(repo: string, message: string): void {
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', message);
}

/** Replaces text in a file of the working tree; fails when the text is not there. */
function edit(repo: string, path: string, from: string, to: string, all = false): void {
  const text = readFileSync(join(repo, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(repo, path), all ? text.replaceAll(from, to) : text.replace(from, to));
}

const head = (repo: string) => git(repo, 'rev-parse', 'HEAD');
const committed = (repo: string, path: string) =>
  execFileSync('git', ['show', `HEAD:${path}`], { cwd: repo, encoding: 'utf8' });
const auditOf = (repo: string, base: string) => parseAuditEntries(committed(repo, `${base}/audit.jsonl`));
const incidentOf = (repo: string, base: string) =>
  parseIncident(committed(repo, `${base}/incident.yaml`), 'incident.yaml');

/** A fork of the template with the C&C finding ingested and triaged; planned unless told otherwise. */
async function incident(sims: ResponseWorld, options: { plan?: boolean } = {}) {
  const repo = scratchRepo();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(repo, path), { recursive: true });
  commitAll(repo, 'start from the irac template');
  const ingested = await ok(['ingest', GUARDDUTY_FINDINGS], repo, sims);
  const id =
    [...ingested.stdout.matchAll(/^opened (IR-\S+) {2}\S+ {2}\S+ \S+ (.+)$/gm)].find(
      ([, , kind]) => kind === EC2_BACKDOOR,
    )?.[1] ?? '';
  expect(id).toMatch(/^IR-/);
  await ok(['triage', id], repo, sims);
  let hash = '';
  if (options.plan !== false) {
    hash = JSON.parse((await ok(['plan', id, '--json'], repo, sims)).stdout).plan_sha256;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  }
  return { repo, id, base: incidentDir(id), hash };
}

/** The step lines of a run as printed: `  - step (action): result`, detail cut off. */
const stepLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.split(' — ')[0] ?? line);

describe('irac execute', () => {
  it(
    'dry-runs by default; runs live where the configuration says so; --dry-run overrides it',
    async () => {
      const sims = await world();
      const { repo, id, base, hash } = await incident(sims);
      const original = sims.instanceState();
      const before = head(repo);

      const dry = await ok(['execute', id], repo, sims);
      expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
      expect(dry.stdout.split('\n')[0]).toBe(`dry run: ${id}, plan ${hash}`);
      expect(stepLines(dry.stdout)).toEqual([
        '  - notify-channel (slack:post_message): would-run',
        '  - tag-instance (aws:ec2.tag_resource): would-run',
        '  - protect-instance (aws:ec2.protect_instance): would-run',
        '  - snapshot-volumes (aws:ec2.snapshot_instance): would-run',
        '  - enter-standby (aws:autoscaling.standby): would-run',
        '  - isolate-instance (aws:ec2.isolate_instance): would-run',
        '  - remove-instance-profile (aws:ec2.replace_instance_profile): would-run',
        '  - disable-metadata (aws:ec2.disable_imds): would-run',
        '  - open-ticket (github:create_issue): would-run',
      ]);
      // Under each step, the calls a live run would make.
      expect(dry.stdout).toMatch(/^ {6}ec2:ModifyNetworkInterfaceAttribute eni-\S+: /m);
      expect(dry.stdout).toContain(`      github:issues.create ${REPOSITORY}: open "[${id}] `);
      expect(git(repo, 'rev-parse', 'HEAD~1')).toBe(before);
      expect(commitLog(repo)[0]?.subject).toBe(`dry-run: ${id} 9 steps would change something`);
      expect(auditOf(repo, base).at(-1)).toMatchObject({
        action: 'dry-run',
        actor: 'cli-test',
        data: { plan: hash },
      });

      edit(repo, CONFIG, '  dry_run_default: true\n', '  dry_run_default: false\n');
      commitAll(repo, 'live by default');
      const forced = await ok(['execute', id, '--dry-run'], repo, sims);
      expect(forced.stdout.split('\n')[0]).toBe(`dry run: ${id}, plan ${hash}`);
      expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });

      // Live, unapproved: the evidence steps run; the first step that needs a reviewer waits, and with
      // it everything after it. Waiting is not a failure.
      const live = await ok(['execute', id], repo, sims);
      expect(live.stdout.split('\n')[0]).toBe(`live: ${id}, plan ${hash}`);
      expect(stepLines(live.stdout)).toEqual([
        '  - notify-channel (slack:post_message): succeeded',
        '  - tag-instance (aws:ec2.tag_resource): succeeded',
        '  - protect-instance (aws:ec2.protect_instance): succeeded',
        '  - snapshot-volumes (aws:ec2.snapshot_instance): succeeded',
        '  - enter-standby (aws:autoscaling.standby): waiting-for-approval',
        '  - isolate-instance (aws:ec2.isolate_instance): not-reached',
        '  - remove-instance-profile (aws:ec2.replace_instance_profile): not-reached',
        '  - disable-metadata (aws:ec2.disable_imds): not-reached',
        '  - open-ticket (github:create_issue): not-reached',
      ]);
      expect(
        live.stdout.endsWith(`\nwaiting for approval in ir-containment: enter-standby (plan ${hash})\n`),
      ).toBe(true);
      expect(sims.instanceState()).toMatchObject({
        interfaces: (original as { interfaces: unknown }).interfaces,
        terminationProtection: true,
        autoScaling: 'InService',
      });
      expect(sims.github.mutatingRequests()).toEqual([]);
      expect(incidentOf(repo, base).status).toBe('triaged');
      await ok(['verify'], repo, sims);
    },
    SLOW,
  );

  it(
    'runs the gated steps with an approval bound to the plan, contains, undoes, and resolves',
    async () => {
      const sims = await world();
      const { repo, id, base, hash } = await incident(sims);
      const original = sims.instanceState();

      await refused(
        ['execute', id, '--live', '--approved-by', 'lead'],
        repo,
        sims,
        'irac: --approved-by: needs --plan-hash, the hash of the plan that was approved\n',
      );
      for (const approver of ['lead\nIrac-Actor: root', 'Lead Person', 'x'.repeat(101)]) {
        await refused(
          ['execute', id, '--live', '--approved-by', approver, '--plan-hash', hash],
          repo,
          sims,
          APPROVAL_REFUSED,
        );
      }
      const wrong = 'f'.repeat(64);
      await refused(
        ['execute', id, '--live', '--approved-by', 'lead', '--plan-hash', wrong],
        repo,
        sims,
        `irac: --plan-hash: ${wrong} is not the incident's plan (${hash}): the plan changed after it was approved; review the new plan\n`,
      );

      const run = await ok(
        ['execute', id, '--live', '--approved-by', 'lead', '--plan-hash', hash],
        repo,
        sims,
      );
      expect(stepLines(run.stdout).every((line) => line.endsWith(': succeeded'))).toBe(true);
      expect(sims.instanceState()).toMatchObject({
        interfaces: [{ groups: ['irac-isolation'] }, { groups: ['irac-isolation'] }],
        profile: null,
        metadata: 'disabled',
        autoScaling: 'Standby',
      });
      const contained = incidentOf(repo, base);
      expect(contained.status).toBe('contained');
      expect(contained.timestamps.contained).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(contained.approvals.map(({ by, step, plan_sha256 }) => ({ by, step, plan_sha256 }))).toEqual(
        ['enter-standby', 'isolate-instance', 'remove-instance-profile', 'disable-metadata'].map((step) => ({
          by: 'lead',
          step,
          plan_sha256: hash,
        })),
      );
      expect(sims.github.issues(REPOSITORY)).toMatchObject([{ state: 'open' }]);

      // Run again: nothing left to do, nothing sent, nothing committed.
      const tip = head(repo);
      const counts = sims.mutations();
      const again = await ok(
        ['execute', id, '--live', '--approved-by', 'lead', '--plan-hash', hash],
        repo,
        sims,
      );
      expect(stepLines(again.stdout).every((line) => line.endsWith(': already-succeeded'))).toBe(true);
      expect(sims.mutations()).toEqual(counts);
      expect(head(repo)).toBe(tip);

      const undone = await ok(['undo', id], repo, sims);
      expect(stepLines(undone.stdout)).toEqual([
        '  - open-ticket (github:create_issue): succeeded',
        '  - disable-metadata (aws:ec2.disable_imds): succeeded',
        '  - remove-instance-profile (aws:ec2.replace_instance_profile): succeeded',
        '  - isolate-instance (aws:ec2.isolate_instance): succeeded',
        '  - enter-standby (aws:autoscaling.standby): succeeded',
        '  - snapshot-volumes (aws:ec2.snapshot_instance): skipped',
        '  - protect-instance (aws:ec2.protect_instance): succeeded',
        '  - tag-instance (aws:ec2.tag_resource): succeeded',
        '  - notify-channel (slack:post_message): skipped',
      ]);
      expect(undone.stdout).toContain(
        '  - snapshot-volumes (aws:ec2.snapshot_instance): skipped — irreversible: left as it is\n',
      );
      expect(sims.instanceState()).toEqual(original);
      expect(sims.aws.ec2.snapshots()).toHaveLength(2);

      await refused(
        ['resolve', id, '--note', ''],
        repo,
        sims,
        'irac: --note: must say why the incident is resolved\n',
      );
      await refused(
        ['resolve', id, '--note', 'reimaged\u001b[2K'],
        repo,
        sims,
        'irac: --note: contains control or bidirectional formatting characters\n',
      );
      const resolved = await ok(
        ['resolve', id, '--note', 'Reimaged from the golden AMI; keys rotated.'],
        repo,
        sims,
      );
      expect(resolved.stdout).toBe(`resolved: ${id} in ${head(repo).slice(0, 12)}\n`);
      const closed = incidentOf(repo, base);
      expect(closed.status).toBe('resolved');
      expect(closed.timestamps.resolved).toBe(auditOf(repo, base).at(-1)?.at);
      expect(auditOf(repo, base).at(-1)).toMatchObject({
        action: 'resolve',
        actor: 'cli-test',
        data: { note: 'Reimaged from the golden AMI; keys rotated.', summary: 'resolved from contained' },
      });
      expect((await ok(['resolve', id, '--note', 'again'], repo, sims)).stdout).toBe(
        `unchanged: ${id} is already resolved\n`,
      );

      const verify = await ok(['verify'], repo, sims);
      expect(verify.stdout).toMatch(/^verify: ok — 2 incidents, 2 events, \d+ commits\n$/);
    },
    SLOW,
  );

  it(
    'refuses the hash of a plan replaced since it was approved',
    async () => {
      const sims = await world();
      const { repo, id, hash } = await incident(sims);
      edit(repo, EC2_PLAYBOOK, '    retries: 2\n', '    retries: 3\n');
      commitAll(repo, 'one more isolation attempt');
      const replanned = JSON.parse((await ok(['plan', id, '--json'], repo, sims)).stdout).plan_sha256;
      expect(replanned).not.toBe(hash);
      await refused(
        ['execute', id, '--live', '--approved-by', 'lead', '--plan-hash', hash],
        repo,
        sims,
        `irac: --plan-hash: ${hash} is not the incident's plan (${replanned}): the plan changed after it was approved; review the new plan\n`,
      );
    },
    SLOW,
  );

  it(
    'exits 1 with the service’s words when a step fails, its target gone',
    async () => {
      const sims = await world({ instance: false });
      const { repo, id, base, hash } = await incident(sims);
      const run = await irac(
        ['execute', id, '--live', '--approved-by', 'lead', '--plan-hash', hash, '--only', 'isolate-instance'],
        repo,
        sims,
      );
      const reason = `aws:ec2.isolate_instance: InvalidInstanceID.NotFound: The instance ID '${INSTANCE}' does not exist`;
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`irac: step isolate-instance failed: ${reason}\n`);
      expect(run.stdout).toContain(`  - isolate-instance (aws:ec2.isolate_instance): failed — ${reason}\n`);
      expect(auditOf(repo, base).at(-1)?.data).toMatchObject({ state: 'failed', error: reason });
      await ok(['verify'], repo, sims);
    },
    SLOW,
  );
});

describe('irac execute refuses, in one line, running nothing', () => {
  it(
    'an incident with no plan, a step the plan lacks, a plan.json changed outside irac',
    async () => {
      const sims = await world();
      const unplanned = await incident(sims, { plan: false });
      await refused(
        ['execute', unplanned.id],
        unplanned.repo,
        sims,
        `irac: ${unplanned.id}: has no plan: run \`irac plan\` first\n`,
      );

      const { repo, id, base, hash } = await incident(sims);
      const steps = (JSON.parse(committed(repo, `${base}/plan.json`)) as Plan).steps.map((step) => step.id);
      await refused(
        ['execute', id, '--only', 'isolate'],
        repo,
        sims,
        `irac: --only: the plan has no step "isolate" (it has ${steps.join(', ')})\n`,
      );

      // Every reviewer gate taken off by hand and committed with plain git: never planned, never approved.
      edit(repo, `${base}/plan.json`, '"needs_approval": true', '"needs_approval": false', true);
      commitAll(repo, 'no approval needed');
      const refusal = new RegExp(
        `^irac: ${base}/plan\\.json: is not the plan recorded in the audit trail \\(sha256 [0-9a-f]{64}, recorded ${hash}\\): it was changed outside irac; nothing was run`,
      );
      await refused(['execute', id, '--live'], repo, sims, refusal);
      await refused(['undo', id], repo, sims, refusal);
      const verify = await irac(['verify'], repo, sims);
      expect(verify.code).toBe(1);
      expect(verify.stdout.split('\n')).toContain(
        `${base}/plan.json: not the version recorded at ${base}/audit.jsonl:3 (edited outside irac)`,
      );
    },
    SLOW,
  );
});

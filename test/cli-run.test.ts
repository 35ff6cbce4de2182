// `irac run` as the ingest workflow runs it: the compiled bin in a child process, in a fork of this
// template pushed to a bare origin, the connectors reaching the simulated AWS account, Slack and GitHub
// through the standard variables — one event all the way to a committed plan and the steps that need no
// reviewer, what waits for one, and nothing done twice when the same event comes again.

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentDir } from '../src/store/layout.js';
import { runBin } from './helpers/bin.js';
import { FIXTURES_DIR, REPO_ROOT } from './helpers/corpus.js';
import { commitLog, git, scratchRemote } from './helpers/git.js';
import { INSTANCE, type ResponseWorld, startResponseWorld } from './support/response-world.js';

const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
/** GuardDuty's C&C finding on an EC2 instance (us-east-2) among two findings. */
const FINDINGS = join(FIXTURES_DIR, 'guardduty/get-findings.json');

let world: ResponseWorld;
beforeEach(async () => {
  world = await startResponseWorld();
});
afterEach(async () => {
  await world.close();
});

/** A clone of a team's repository (the template, committed and pushed), as a workflow checks it out. */
function checkout(): string {
  const { clone } = scratchRemote();
  const dir = clone();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  git(dir, 'add', '--', ...TEMPLATE);
  git(dir, 'commit', '--quiet', '-m', 'start from the irac template');
  git(dir, 'push', '--quiet', 'origin', 'HEAD');
  return dir;
}

// The sims answer in this process: the bin must run without blocking it.
async function irac(args: string[], cwd: string) {
  return runBin(args, cwd, { ...world.env, IRAC_ACTOR: 'ingest-workflow', PATH: process.env.PATH });
}

interface Outcome {
  incident: string;
  severity: string;
  outcome: string;
  playbook: string | null;
  needs_approval: boolean;
  environment: string | null;
  plan_sha256: string | null;
  execution: { live: boolean; waiting: string[]; steps: { step: string; result: string }[] } | null;
}

describe('irac run', () => {
  it('takes a finding to a committed plan, runs what needs no reviewer live, and says what waits for whom', async () => {
    const repo = checkout();
    const before = commitLog(repo).length;
    const run = await irac(['run', FINDINGS, '--live', '--json'], repo);
    expect(run.code, run.stderr).toBe(0);
    const outcomes = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome);
    const ec2 = outcomes.find((outcome) => outcome.playbook === 'aws-compromised-ec2-instance');
    expect(ec2).toMatchObject({ outcome: 'routed', needs_approval: true, environment: 'ir-containment' });
    expect(ec2?.plan_sha256).toMatch(/^[0-9a-f]{64}$/);
    // Evidence first, without a reviewer; containment waits for one, and what follows it is not reached.
    const results = Object.fromEntries((ec2?.execution?.steps ?? []).map((step) => [step.step, step.result]));
    expect(results['snapshot-volumes']).toBe('succeeded');
    expect(Object.values(results)).toContain('waiting-for-approval');
    expect(world.aws.ec2.snapshots().length).toBeGreaterThan(0);
    const groups = world.aws.ec2.instance(INSTANCE)?.networkInterfaces.map((eni) => eni.groupIds.length);
    expect(groups?.every((count) => count > 0)).toBe(true);
    expect(world.aws.ec2.findSecurityGroup('vpc-0c2c2c2c2c2c2c2c2', 'irac-isolation')).toBeUndefined();

    // Every operation is its own commit, on origin too; the plan is the one the output names.
    const id = ec2?.incident ?? '';
    const plan = readFileSync(join(repo, incidentDir(id), 'plan.json'), 'utf8');
    expect(plan).toContain('"aws-compromised-ec2-instance"');
    expect(commitLog(repo).length - before).toBeGreaterThanOrEqual(4);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'origin/HEAD'));
    const verify = await irac(['verify'], repo);
    expect([verify.code, verify.stderr]).toEqual([0, '']);
  });

  it('is a dry run by default: reads, says what it would do, changes nothing anywhere', async () => {
    const repo = checkout();
    const run = await irac(['run', FINDINGS, '--json'], repo);
    expect(run.code, run.stderr).toBe(0);
    const outcomes = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome);
    expect(outcomes.every((outcome) => outcome.execution === null || outcome.execution.live === false)).toBe(
      true,
    );
    expect(world.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
  });

  it('in a job without cloud credentials or tokens, records each step as not checked, and why', async () => {
    const repo = checkout();
    const run = await runBin(['run', FINDINGS, '--json'], repo, {
      PATH: process.env.PATH,
      IRAC_ACTOR: 'ingest-workflow',
      // Nowhere for the AWS SDK's credential chain to look: the ingest job gets no cloud credentials.
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(run.code, run.stderr).toBe(0);
    const ec2 = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome)
      .find((outcome) => outcome.playbook === 'aws-compromised-ec2-instance');
    const steps = (ec2?.execution?.steps ?? []) as { step: string; result: string; detail: string }[];
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.map((step) => step.result)).toEqual(steps.map(() => 'not-checked'));
    expect(steps.find((step) => step.step === 'snapshot-volumes')?.detail).toMatch(
      /^not read: AWS has no credentials here: /,
    );
    expect(steps.find((step) => step.step === 'notify-channel')?.detail).toBe(
      'not read: Slack is not configured: set SLACK_BOT_TOKEN',
    );
    // The plan is committed all the same, the dry run is in the trail, and nothing reached anything.
    const audit = readFileSync(join(repo, incidentDir(ec2?.incident ?? ''), 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"dry-run"');
    expect(audit).toContain('"not-checked"');
    expect(world.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'origin/HEAD'));
  });

  it('does nothing twice: the same finding again is already recorded, and no second change reaches AWS', async () => {
    const repo = checkout();
    expect((await irac(['run', FINDINGS, '--live'], repo)).code).toBe(0);
    const mutations = world.mutations();
    const again = await irac(['run', FINDINGS, '--live'], repo);
    expect([again.code, again.stdout]).toEqual([0, 'nothing new: every event was already recorded\n']);
    expect(world.mutations()).toEqual(mutations);
  });

  it('refuses a payload it cannot read, in one line, with nothing committed', async () => {
    const repo = checkout();
    const head = git(repo, 'rev-parse', 'HEAD');
    const run = await irac(['run', join(REPO_ROOT, 'package.json')], repo);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });
});

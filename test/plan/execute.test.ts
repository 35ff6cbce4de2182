// Executing a committed plan as a store operation, against real git in a fork of this template and the
// real SDK clients on loopback sims of AWS, Slack and GitHub: what a dry run reads and records, what a
// live run changes and in what order, what it waits for, how an approval binds to the plan's hash, how the
// audit trail serves as the ledger a run resumes from, what each on_failure does, and what undo restores.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EC2Client, ModifyNetworkInterfaceAttributeCommand } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Clients } from '../../src/connectors/clients.js';
import { type VerifyOptions, verifyStore } from '../../src/forensics/verify.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { type Apply, type ExecuteOptions, executePlan, undoPlan } from '../../src/plan/execute.js';
import { planIncident } from '../../src/plan/record.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { workingTreeFiles } from '../../src/playbooks/repo-files.js';
import type { AuditEntry } from '../../src/store/audit.js';
import { Git } from '../../src/store/git.js';
import { parseIncident } from '../../src/store/incident.js';
import { incidentDir } from '../../src/store/layout.js';
import { parseAuditEntries, recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import { loadTriageEngine } from '../../src/triage/engine.js';
import { triageIncident } from '../../src/triage/record.js';
import { FIXTURES_DIR, REPO_ROOT } from '../helpers/corpus.js';
import { commitLog, git, scratchRepo } from '../helpers/git.js';
import { asAdmin } from '../support/aws-admin.js';
import {
  CHANNEL,
  ENIS,
  INSTANCE,
  REPOSITORY,
  type ResponseWorld,
  startResponseWorld,
  UNAUTHORIZED,
  VPC,
  worldClients,
} from '../support/response-world.js';

const FAST: PublishSettings = { pushAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 10 };
const VERIFY: VerifyOptions = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
/** Two GuardDuty findings; the first, the EC2 instance i-07a8b9c0d1e2f3a4b querying a C&C domain. */
const GET_FINDINGS = 'guardduty/get-findings.json';
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
const APPROVER = 'lead@example.com';
const ACTOR = 'responder@example.com';
const TEMPLATE_STEPS = [
  'notify-channel',
  'tag-instance',
  'protect-instance',
  'snapshot-volumes',
  'enter-standby',
  'isolate-instance',
  'remove-instance-profile',
  'disable-metadata',
  'open-ticket',
];

const worlds: ResponseWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

async function world(options: { instance?: boolean } = {}): Promise<ResponseWorld> {
  const started = await startResponseWorld(options);
  worlds.push(started);
  return started;
}

/** A containment playbook of our own, taking the C&C finding before the template's (priority 5). */
function containPlaybook(isolate: { onFailure?: 'stop' | 'continue' | 'undo'; retries?: number } = {}) {
  return `id: contain-c2-host
description: A host talking to a C&C server, tagged, protected, isolated and cut off from its metadata.
priority: 5
trigger: event.kind.startsWith('Backdoor:EC2/')
tier:
  environment: ir-containment
steps:
  - id: tag-instance
    action: aws:ec2.tag_resource
  - id: protect-instance
    action: aws:ec2.protect_instance
  - id: isolate-instance
    action: aws:ec2.isolate_instance
    requires_approval: true
    on_failure: ${isolate.onFailure ?? 'stop'}
    retries: ${isolate.retries ?? 0}
  - id: disable-metadata
    action: aws:ec2.disable_imds
    requires_approval: true
`;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', message);
}

function writeText(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A clock that moves a second per reading, so every entry has its own time. */
function ticking(start: string): () => Date {
  let at = Date.parse(start);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

const apply =
  (dir: string): Apply =>
  async (operation) =>
    (await (await IncidentRepository.open(dir)).apply(operation, FAST)).result;

/**
 * A security team's fork with the C&C finding ingested, triaged and planned — by the template's
 * aws-compromised-ec2-instance, or by the playbook given.
 */
async function plannedIncident(playbook?: string) {
  const dir = scratchRepo();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  if (playbook) writeText(dir, `playbooks/${/^id: (\S+)/m.exec(playbook)?.[1]}.yaml`, playbook);
  commitAll(dir, 'start from the irac template');
  const now = ticking('2026-11-28T10:00:00Z');
  const bytes = readFileSync(join(FIXTURES_DIR, GET_FINDINGS));
  const items = [...normalizeWithEvidence(bytes, { name: 'test', receivedAt: now().toISOString() })];
  const recorded = await apply(dir)((tx) =>
    recordEvents(tx, items, { actor: 'ingest@example.com', correlationWindowMs: 3_600_000, now }),
  );
  const id = recorded.find((item) => item.event.kind === EC2_BACKDOOR)?.incident ?? '';
  expect(id).toMatch(/^IR-/);
  const config = await loadConfig({ repoRoot: dir });
  const engine = await loadTriageEngine({ repoRoot: dir, config, localOnly: true });
  await apply(dir)((tx) =>
    triageIncident(tx, id, { actor: 'triage@example.com', rules: engine.rules, enrich: engine.enrich, now }),
  );
  const planned = await replan(dir, id, now);
  return { dir, id, base: incidentDir(id), hash: planned.hash, plan: planned.plan };
}

async function replan(dir: string, id: string, now: () => Date) {
  const config = await loadConfig({ repoRoot: dir });
  const files = workingTreeFiles(dir);
  const playbooks = await loadPlaybooks(files, config);
  return apply(dir)((tx) =>
    planIncident(tx, id, {
      actor: 'planner@example.com',
      playbooks,
      playbookText: (file) => files.readText(file),
      now,
    }),
  );
}

/** `irac execute` and `irac undo` as the CLI runs them, bound to one fork and one world's clients. */
function responder(dir: string, clients: Clients) {
  const now = ticking('2026-11-28T10:05:00Z');
  return {
    execute: (id: string, options: Partial<ExecuteOptions> = {}) =>
      executePlan(apply(dir), id, { live: true, actor: ACTOR, clients, now, ...options }),
    undo: (id: string, only?: string[]) =>
      undoPlan(apply(dir), id, { actor: ACTOR, clients, now, ...(only ? { only } : {}) }),
  };
}

/** A file as HEAD holds it, byte for byte. */
const committed = (dir: string, path: string) =>
  execFileSync('git', ['show', `HEAD:${path}`], { cwd: dir, encoding: 'utf8' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const auditOf = (dir: string, base: string): AuditEntry[] =>
  parseAuditEntries(committed(dir, `${base}/audit.jsonl`));
const incidentOf = (dir: string, base: string) =>
  parseIncident(committed(dir, `${base}/incident.yaml`), 'incident.yaml');
/** The ledger of one step: the states its audit entries went through, in order. */
const statesOf = (dir: string, base: string, step: string) =>
  auditOf(dir, base)
    .filter((entry) => entry.action === 'step' && entry.data.step === step)
    .map((entry) => entry.data.state);
const results = (run: { steps: readonly { step: string; result: string }[] }) =>
  run.steps.map(({ step, result }) => [step, result]);
const head = (dir: string) => git(dir, 'rev-parse', 'HEAD');
/** The AWS calls of one action the sim received, with the status it answered. */
const callsTo = (world: ResponseWorld, action: string) =>
  world.aws.requests.filter((request) => request.action === action).map((request) => request.status);

describe('a dry run', () => {
  it('reads only, and records what each step would do in one commit', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const sims = await world();
    const original = sims.instanceState();
    const before = head(dir);

    const run = await responder(dir, worldClients(sims)).execute(id, { live: false });

    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
    expect(sims.instanceState()).toEqual(original);
    expect(run).toMatchObject({ incident: id, plan_sha256: hash, live: false, failure: null, waiting: [] });
    expect(results(run)).toEqual(TEMPLATE_STEPS.map((step) => [step, 'would-run']));
    const isolate = run.steps.find((step) => step.step === 'isolate-instance');
    expect(isolate?.calls.map((call) => call.call)).toContain('ec2:ModifyNetworkInterfaceAttribute');
    expect(isolate?.detail).toBe(`${ENIS[0]}: [${groupIds(sims, 0)}]; ${ENIS[1]}: [${groupIds(sims, 1)}]`);

    // One commit: the audit entry (and the README that shows it); no step record, the incident unchanged.
    expect(git(dir, 'rev-parse', 'HEAD~1')).toBe(before);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
      `${base}/README.md`,
      `${base}/audit.jsonl`,
    ]);
    expect(commitLog(dir)[0]).toMatchObject({
      subject: `dry-run: ${id} 9 steps would change something`,
      trailers: { 'Incident-Id': id, 'Irac-Action': 'dry-run', 'Irac-Actor': ACTOR },
    });
    const entry = auditOf(dir, base).at(-1);
    expect(entry).toMatchObject({ action: 'dry-run', actor: ACTOR, data: { plan: hash } });
    const recorded = entry?.data.steps as { step: string; result: string; calls: { call: string }[] }[];
    expect(recorded.map(({ step, result }) => [step, result])).toEqual(results(run));
    expect(recorded.find((step) => step.step === 'open-ticket')?.calls).toContainEqual({
      call: 'github:issues.create',
      target: REPOSITORY,
      effect: expect.stringMatching(/^open "\[IR-/),
    });
    expect(incidentOf(dir, base).status).toBe('triaged');
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });
});

function groupIds(sims: ResponseWorld, index: number): string {
  const eni = sims.aws.ec2.instance(INSTANCE)?.networkInterfaces[index];
  return (eni?.groupIds ?? []).join(', ');
}

describe('a live run of the template’s aws-compromised-ec2-instance', () => {
  it('runs what needs no reviewer, stops at the first step that does, and finishes once approved', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const sims = await world();
    const original = sims.instanceState();
    const { execute } = responder(dir, worldClients(sims));

    const first = await execute(id);
    expect(results(first)).toEqual([
      ['notify-channel', 'succeeded'],
      ['tag-instance', 'succeeded'],
      ['protect-instance', 'succeeded'],
      ['snapshot-volumes', 'succeeded'],
      ['enter-standby', 'waiting-for-approval'],
      ['isolate-instance', 'not-reached'],
      ['remove-instance-profile', 'not-reached'],
      ['disable-metadata', 'not-reached'],
      ['open-ticket', 'not-reached'],
    ]);
    expect(first).toMatchObject({ live: true, failure: null, waiting: ['enter-standby'] });
    expect(first.steps[4]?.detail).toBe(
      `needs a reviewer in ir-containment: --approved-by and --plan-hash ${hash}`,
    );
    // Evidence kept, nothing contained yet.
    expect(sims.instanceState()).toMatchObject({
      interfaces: (original as { interfaces: unknown }).interfaces,
      profile: (original as { profile: unknown }).profile,
      metadata: 'enabled',
      terminationProtection: true,
      autoScaling: 'InService',
      tags: { 'irac:incident': id, 'irac:status': 'under-investigation' },
    });
    expect(sims.aws.ec2.snapshots()).toHaveLength(2);
    expect(sims.slack.messages(CHANNEL)).toHaveLength(1);
    expect(sims.github.issues(REPOSITORY)).toEqual([]);
    expect(incidentOf(dir, base)).toMatchObject({ status: 'triaged', approvals: [] });
    // The first message started the incident's thread in the channel; every later message goes there.
    const [posted] = sims.slack.messages(CHANNEL);
    expect(incidentOf(dir, base).notifications).toEqual({ [`#${CHANNEL}`]: posted?.ts });

    const second = await execute(id, { approvedBy: APPROVER, planHash: hash });
    expect(results(second)).toEqual([
      ['notify-channel', 'already-succeeded'],
      ['tag-instance', 'already-succeeded'],
      ['protect-instance', 'already-succeeded'],
      ['snapshot-volumes', 'already-succeeded'],
      ['enter-standby', 'succeeded'],
      ['isolate-instance', 'succeeded'],
      ['remove-instance-profile', 'succeeded'],
      ['disable-metadata', 'succeeded'],
      ['open-ticket', 'succeeded'],
    ]);
    expect(second.failure).toBeNull();
    expect(sims.instanceState()).toMatchObject({
      interfaces: ENIS.map((eni) => ({ eni, groups: ['irac-isolation'] })),
      profile: null,
      metadata: 'disabled',
      autoScaling: 'Standby',
    });
    expect(sims.github.issues(REPOSITORY)).toMatchObject([
      { state: 'open', labels: expect.arrayContaining([id, 'aws-ec2-instance']) },
    ]);

    // The approver, the plan and the time, on each step that needed them: in the audit entry that
    // started it and in incident.yaml. The first destructive step to succeed made the incident contained.
    const entries = auditOf(dir, base);
    const incident = incidentOf(dir, base);
    const gated = ['enter-standby', 'isolate-instance', 'remove-instance-profile', 'disable-metadata'];
    expect(incident.approvals).toEqual(
      gated.map((step) => {
        const running = entries.find((e) => e.data.step === step && e.data.state === 'running');
        expect(running?.data).toMatchObject({ approved_by: APPROVER, approved_plan: hash, live: true });
        return { by: APPROVER, at: running?.at, step, plan_sha256: hash };
      }),
    );
    const contained = entries.find((e) => e.data.step === 'enter-standby' && e.data.state === 'succeeded');
    expect(incident.status).toBe('contained');
    expect(incident.timestamps.contained).toBe(contained?.at);
    expect(incident.timestamps.updated).toBe(entries.at(-1)?.at);
    // Steps that needed nobody carry no approval.
    const tagging = entries.find((e) => e.data.step === 'tag-instance' && e.data.state === 'running');
    expect(tagging?.data).not.toHaveProperty('approved_by');

    // A third run finds everything done: not one call that changes anything, not one commit.
    const counts = sims.mutations();
    const tip = head(dir);
    const third = await execute(id, { approvedBy: APPROVER, planHash: hash });
    expect(results(third)).toEqual(TEMPLATE_STEPS.map((step) => [step, 'already-succeeded']));
    expect(sims.mutations()).toEqual(counts);
    expect(head(dir)).toBe(tip);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('keeps each transition of a step as an audit entry and a commit: running, journal, succeeded', async () => {
    const { dir, id, base } = await plannedIncident();
    const sims = await world();
    await responder(dir, worldClients(sims)).execute(id, { only: ['tag-instance'] });

    const entries = auditOf(dir, base).filter((entry) => entry.action === 'step');
    const states = entries.map((entry) => entry.data.state);
    expect(states[0]).toBe('running');
    expect(states.at(-1)).toBe('succeeded');
    expect(states.slice(1, -1).length).toBeGreaterThan(0);
    expect(states.slice(1, -1).every((state) => state === 'journal')).toBe(true);
    const record = committed(dir, `${base}/steps/tag-instance.json`);
    // The journal is written before the first change: the record of what the tags were.
    expect(entries[1]?.data.record_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entries.at(-1)?.data).toMatchObject({
      step: 'tag-instance',
      action: 'aws:ec2.tag_resource',
      live: true,
      changed: true,
      record_sha256: sha256(record),
      calls: [expect.objectContaining({ call: 'ec2:CreateTags', target: INSTANCE })],
    });
    expect(JSON.parse(record)).toMatchObject({ resource_id: INSTANCE });
    // One commit per entry, newest first, each with the entry's trailers.
    const log = commitLog(dir).slice(0, entries.length);
    expect(log.map((commit) => commit.subject)).toEqual(
      [...states].reverse().map((state) => `step: ${id} tag-instance ${state}`),
    );
    for (const commit of log)
      expect(commit.trailers).toMatchObject({ 'Incident-Id': id, 'Irac-Action': 'step' });
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('undoes the reversible steps newest first, each recorded undone, and leaves the evidence', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const sims = await world();
    const original = sims.instanceState();
    const { execute, undo } = responder(dir, worldClients(sims));
    await execute(id, { approvedBy: APPROVER, planHash: hash });
    expect(sims.instanceState()).not.toEqual(original);

    const undone = await undo(id);
    expect(results(undone)).toEqual([
      ['open-ticket', 'succeeded'],
      ['disable-metadata', 'succeeded'],
      ['remove-instance-profile', 'succeeded'],
      ['isolate-instance', 'succeeded'],
      ['enter-standby', 'succeeded'],
      ['snapshot-volumes', 'skipped'],
      ['protect-instance', 'succeeded'],
      ['tag-instance', 'succeeded'],
      ['notify-channel', 'skipped'],
    ]);
    expect(undone.failure).toBeNull();
    expect(undone.steps.find((step) => step.step === 'snapshot-volumes')?.detail).toBe(
      'irreversible: left as it is',
    );
    expect(sims.instanceState()).toEqual(original);
    expect(sims.aws.ec2.snapshots()).toHaveLength(2);
    expect(sims.slack.messages(CHANNEL)).toHaveLength(1);
    expect(sims.github.issues(REPOSITORY)).toMatchObject([{ state: 'closed', stateReason: 'not_planned' }]);
    for (const step of TEMPLATE_STEPS) {
      const reversible = step !== 'snapshot-volumes' && step !== 'notify-channel';
      expect(statesOf(dir, base, step).at(-1), step).toBe(reversible ? 'undone' : 'succeeded');
    }

    // Nothing is left to take back.
    const counts = sims.mutations();
    const again = await undo(id);
    expect(results(again)).toEqual([
      ['snapshot-volumes', 'skipped'],
      ['notify-channel', 'skipped'],
    ]);
    expect(sims.mutations()).toEqual(counts);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('records an undo that failed, and a later undo tries that step again', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const sims = await world();
    const original = sims.instanceState();
    const { execute, undo } = responder(dir, worldClients(sims));
    await execute(id, { approvedBy: APPROVER, planHash: hash });
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED);
    const failed = await undo(id, ['isolate-instance']);
    expect(failed.failure).toMatch(/^undo failed: .*UnauthorizedOperation/);
    expect(statesOf(dir, base, 'isolate-instance').at(-1)).toBe('undo-failed');

    const retried = await undo(id, ['isolate-instance']);
    expect(results(retried)).toEqual([['isolate-instance', 'succeeded']]);
    expect(statesOf(dir, base, 'isolate-instance').at(-1)).toBe('undone');
    expect((sims.instanceState() as { interfaces: unknown }).interfaces).toEqual(
      (original as { interfaces: unknown }).interfaces,
    );
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('undoes only the steps named', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const sims = await world();
    const { execute, undo } = responder(dir, worldClients(sims));
    await execute(id, { approvedBy: APPROVER, planHash: hash });
    const run = await undo(id, ['isolate-instance']);
    expect(results(run)).toEqual([['isolate-instance', 'succeeded']]);
    expect(sims.instanceState()).toMatchObject({
      interfaces: [
        { eni: ENIS[0], groups: ['orders-web', 'orders-admin'] },
        { eni: ENIS[1], groups: ['orders-admin'] },
      ],
      metadata: 'disabled',
      profile: null,
    });
    expect(statesOf(dir, base, 'isolate-instance').at(-1)).toBe('undone');
    expect(statesOf(dir, base, 'disable-metadata').at(-1)).toBe('succeeded');
    await expect(undo(id, ['isolate'])).rejects.toThrow(
      `--step: the plan has no step "isolate" (it has ${TEMPLATE_STEPS.join(', ')})`,
    );
  });
});

describe('a step undone and run again', () => {
  it('starts afresh from the world as it is now, not from the record of the run undone', async () => {
    const { dir, id, hash } = await plannedIncident(containPlaybook());
    const sims = await world();
    const { execute, undo } = responder(dir, worldClients(sims));
    const approved = { approvedBy: APPROVER, planHash: hash, only: ['isolate-instance'] };
    await execute(id, approved);
    await undo(id);
    // The owners narrow the second interface's groups after the first containment was taken back.
    const web = sims.aws.ec2.findSecurityGroup(VPC, 'orders-web')?.groupId ?? '';
    await asAdmin(sims.aws, EC2Client, (admin) =>
      admin.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENIS[1], Groups: [web] })),
    );
    const narrowed = sims.instanceState();

    const again = await execute(id, approved);
    expect(results(again)).toEqual([['isolate-instance', 'succeeded']]);
    await undo(id);
    expect(sims.instanceState()).toEqual(narrowed);
  });
});

describe('an approval is bound to the plan', () => {
  it('refuses an approver without the hash of the plan approved, running nothing', async () => {
    const { dir, id } = await plannedIncident();
    const sims = await world();
    const before = head(dir);
    await expect(responder(dir, worldClients(sims)).execute(id, { approvedBy: APPROVER })).rejects.toThrow(
      '--approved-by: needs --plan-hash, the hash of the plan that was approved',
    );
    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
    expect(head(dir)).toBe(before);
  });

  it('refuses the hash of a plan that has since been replaced, running nothing', async () => {
    const { dir, id, hash: approved } = await plannedIncident(containPlaybook());
    // A reviewed change to the playbook after the approval: the plan is planned again.
    const file = join(dir, 'playbooks/contain-c2-host.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    retries: 0\n', '    retries: 2\n'));
    commitAll(dir, 'retry isolation');
    const replanned = await replan(dir, id, ticking('2026-11-28T10:03:00Z'));
    expect(replanned.hash).not.toBe(approved);
    const sims = await world();
    const before = head(dir);
    const { execute } = responder(dir, worldClients(sims));
    for (const stale of [approved, '0'.repeat(64)]) {
      await expect(execute(id, { approvedBy: APPROVER, planHash: stale })).rejects.toThrow(
        `--plan-hash: ${stale} is not the incident's plan (${replanned.hash}): the plan changed after it was approved; review the new plan`,
      );
    }
    await expect(execute(id, { approvedBy: APPROVER, planHash: 'A1B2\nIrac-Actor: root' })).rejects.toThrow(
      "--plan-hash: must be the plan's sha256 (64 lowercase hex digits), as `irac plan` prints it",
    );
    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
    expect(head(dir)).toBe(before);
  });

  it('refuses an approver that is not a login or an address', async () => {
    const { dir, id, hash } = await plannedIncident(containPlaybook());
    const sims = await world();
    const { execute } = responder(dir, worldClients(sims));
    for (const approvedBy of ['lead\nIrac-Actor: root', 'Lead Person', 'a'.repeat(101), '', '-rf']) {
      await expect(execute(id, { approvedBy, planHash: hash })).rejects.toThrow(
        '--approved-by: must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)',
      );
    }
    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
  });
});

describe('a step that fails', () => {
  it('halfway, is resumed from its journal by the next run, with no second effect', async () => {
    const { dir, id, base, hash } = await plannedIncident(containPlaybook());
    const sims = await world();
    const original = sims.instanceState();
    const { execute, undo } = responder(dir, worldClients(sims));
    // The first interface reaches the all-traffic group; moving it on to the closed one is refused.
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED, { skip: 1 });

    const first = await execute(id, { approvedBy: APPROVER, planHash: hash });
    expect(results(first)).toEqual([
      ['tag-instance', 'succeeded'],
      ['protect-instance', 'succeeded'],
      ['isolate-instance', 'failed'],
      ['disable-metadata', 'not-reached'],
    ]);
    const reason = `aws:ec2.isolate_instance: ec2:ModifyNetworkInterfaceAttribute on ${ENIS[0]}: UnauthorizedOperation: You are not authorized to perform this operation.`;
    expect(first.failure).toBe(`step isolate-instance failed: ${reason}`);
    expect(statesOf(dir, base, 'isolate-instance')).toEqual(['running', 'journal', 'failed']);
    expect(auditOf(dir, base).at(-1)?.data).toMatchObject({ state: 'failed', error: reason });
    expect(sims.instanceState()).toMatchObject({
      interfaces: [
        { eni: ENIS[0], groups: ['irac-isolation-untrack'] },
        { eni: ENIS[1], groups: ['orders-admin'] },
      ],
    });
    // The journal holds the groups the interfaces had before any change.
    const journal = JSON.parse(committed(dir, `${base}/steps/isolate-instance.json`));
    expect(Object.keys(journal.interfaces)).toEqual([...ENIS]);
    expect(incidentOf(dir, base).status).toBe('triaged');

    const second = await execute(id, { approvedBy: APPROVER, planHash: hash });
    expect(results(second)).toEqual([
      ['tag-instance', 'already-succeeded'],
      ['protect-instance', 'already-succeeded'],
      ['isolate-instance', 'succeeded'],
      ['disable-metadata', 'succeeded'],
    ]);
    expect(second.failure).toBeNull();
    expect(sims.instanceState()).toMatchObject({
      interfaces: ENIS.map((eni) => ({ eni, groups: ['irac-isolation'] })),
      metadata: 'disabled',
    });
    // Each group created once; the first interface moved on from where it stopped, not again from the start.
    expect(callsTo(sims, 'CreateSecurityGroup')).toEqual([200, 200]);
    expect(callsTo(sims, 'ModifyNetworkInterfaceAttribute')).toEqual([200, 403, 200, 200, 200]);
    expect(statesOf(dir, base, 'isolate-instance')).toEqual([
      'running',
      'journal',
      'failed',
      'running',
      'journal',
      'succeeded',
    ]);

    // Undo puts back what the journal recorded before the first change, not the half-isolated state.
    await undo(id);
    expect(sims.instanceState()).toEqual(original);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('is retried as the step says, going on from what the failed attempt journaled', async () => {
    const { dir, id, base, hash } = await plannedIncident(containPlaybook({ retries: 1 }));
    const sims = await world();
    const original = sims.instanceState();
    const { execute, undo } = responder(dir, worldClients(sims));
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED, { skip: 1 });

    const run = await execute(id, { approvedBy: APPROVER, planHash: hash, only: ['isolate-instance'] });
    expect(results(run)).toEqual([['isolate-instance', 'succeeded']]);
    expect(run.failure).toBeNull();
    expect(callsTo(sims, 'ModifyNetworkInterfaceAttribute')).toEqual([200, 403, 200, 200, 200]);
    const states = statesOf(dir, base, 'isolate-instance');
    expect([states[0], states.at(-1)]).toEqual(['running', 'succeeded']);
    expect(states).not.toContain('failed');

    await undo(id);
    expect(sims.instanceState()).toEqual(original);
  });

  it('with on_failure: stop, leaves the later steps unreached', async () => {
    const { dir, id, hash } = await plannedIncident(containPlaybook({ onFailure: 'stop' }));
    const sims = await world();
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED);
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
    });
    expect(results(run).slice(2)).toEqual([
      ['isolate-instance', 'failed'],
      ['disable-metadata', 'not-reached'],
    ]);
    expect(run.steps[3]?.detail).toBe('after isolate-instance failed');
    expect(sims.instanceState()).toMatchObject({ metadata: 'enabled' });
  });

  it('with on_failure: continue, goes on to the next step and still reports the failure', async () => {
    const { dir, id, base, hash } = await plannedIncident(containPlaybook({ onFailure: 'continue' }));
    const sims = await world();
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED);
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
    });
    expect(results(run)).toEqual([
      ['tag-instance', 'succeeded'],
      ['protect-instance', 'succeeded'],
      ['isolate-instance', 'failed'],
      ['disable-metadata', 'succeeded'],
    ]);
    expect(run.failure).toMatch(/^step isolate-instance failed: .*UnauthorizedOperation/);
    expect(sims.instanceState()).toMatchObject({ metadata: 'disabled' });
    expect(incidentOf(dir, base).status).toBe('contained');
  });

  it('with on_failure: undo, takes back this run’s changes newest first, its own half-done one too', async () => {
    const { dir, id, base, hash } = await plannedIncident(containPlaybook({ onFailure: 'undo' }));
    const sims = await world();
    const original = sims.instanceState();
    // Halfway: the first interface is left in the all-traffic group, which must not stay that way.
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', UNAUTHORIZED, { skip: 1 });
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
    });

    expect(run.failure).toMatch(/^step isolate-instance failed: /);
    expect(results(run)).toEqual([
      ['tag-instance', 'succeeded'],
      ['protect-instance', 'succeeded'],
      ['isolate-instance', 'failed'],
      ['isolate-instance', 'succeeded'],
      ['protect-instance', 'succeeded'],
      ['tag-instance', 'succeeded'],
      ['disable-metadata', 'not-reached'],
    ]);
    expect(run.steps.slice(3, 6).every((step) => step.detail.startsWith('undone; it was: '))).toBe(true);
    expect(sims.instanceState()).toEqual(original);
    const undone = auditOf(dir, base)
      .filter((entry) => entry.data.state === 'undone')
      .map((entry) => entry.data.step);
    expect(undone).toEqual(['isolate-instance', 'protect-instance', 'tag-instance']);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('on a target that no longer exists, is recorded failed in the service’s words', async () => {
    const { dir, id, base, hash } = await plannedIncident(containPlaybook());
    // Terminated since the finding: EC2 no longer knows the instance.
    const sims = await world({ instance: false });
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
      only: ['isolate-instance', 'disable-metadata'],
    });
    expect(results(run)).toEqual([
      ['isolate-instance', 'failed'],
      ['disable-metadata', 'not-reached'],
    ]);
    const reason = `aws:ec2.isolate_instance: InvalidInstanceID.NotFound: The instance ID '${INSTANCE}' does not exist`;
    expect(run.failure).toBe(`step isolate-instance failed: ${reason}`);
    expect(auditOf(dir, base).at(-1)?.data).toMatchObject({
      step: 'isolate-instance',
      state: 'failed',
      error: reason,
    });
    expect(sims.mutations().aws).toBe(0);
    expect(incidentOf(dir, base).status).toBe('triaged');
  });
});

describe('what execute refuses before anything runs', () => {
  it('an incident with no plan', async () => {
    const { dir, id, base } = await plannedIncident();
    git(dir, 'rm', '--quiet', `${base}/plan.json`);
    commitAll(dir, 'no plan');
    const sims = await world();
    await expect(responder(dir, worldClients(sims)).execute(id)).rejects.toThrow(
      `${id}: has no plan: run \`irac plan\` first`,
    );
  });

  it('a plan.json changed outside irac, even committed: not the plan that was recorded and approved', async () => {
    const { dir, id, base, hash } = await plannedIncident();
    const file = join(dir, base, 'plan.json');
    // Every reviewer gate taken off by hand, in a commit of its own.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replaceAll('"needs_approval": true', '"needs_approval": false'),
    );
    commitAll(dir, 'no approval needed');
    const sims = await world();
    const before = head(dir);
    const { execute, undo } = responder(dir, worldClients(sims));
    const refusal = new RegExp(
      `^${base}/plan\\.json: is not the plan recorded in the audit trail \\(sha256 [0-9a-f]{64}, recorded ${hash}\\): it was changed outside irac`,
    );
    await expect(execute(id)).rejects.toThrow(refusal);
    await expect(execute(id, { live: false })).rejects.toThrow(refusal);
    await expect(undo(id)).rejects.toThrow(refusal);
    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
    expect(head(dir)).toBe(before);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toContainEqual(
      `${base}/plan.json: not the version recorded at ${base}/audit.jsonl:3 (edited outside irac)`,
    );
  });

  it('a step the plan does not have', async () => {
    const { dir, id } = await plannedIncident(containPlaybook());
    const sims = await world();
    await expect(responder(dir, worldClients(sims)).execute(id, { only: ['isolate'] })).rejects.toThrow(
      '--only: the plan has no step "isolate" (it has tag-instance, protect-instance, isolate-instance, disable-metadata)',
    );
    expect(sims.mutations()).toEqual({ aws: 0, slack: 0, github: 0 });
  });
});

/** Three more instances of the orders service, one interface each, in the world's VPC. */
const FLEET = ['i-0f1e2d3c4b5a69781', 'i-0f1e2d3c4b5a69782', 'i-0f1e2d3c4b5a69783'] as const;

function addFleet(sims: ResponseWorld): void {
  const web = sims.aws.ec2.findSecurityGroup(VPC, 'orders-web')?.groupId ?? '';
  for (const [n, instanceId] of FLEET.entries()) {
    sims.aws.ec2.addInstance({
      instanceId,
      vpcId: VPC,
      subnetId: 'subnet-0c2c2c2c2c2c2c2c1',
      networkInterfaces: [{ networkInterfaceId: `eni-0f1e2d3c4b5a6978${n + 1}`, groupIds: [web] }],
      volumes: [],
      tags: { Name: `orders-worker-${n + 4}` },
    });
  }
}

/** The names of the groups on each interface of an instance, as EC2 now has them. */
function groupsOf(sims: ResponseWorld, instanceId: string): (string | undefined)[][] {
  const instance = sims.aws.ec2.instance(instanceId);
  return (instance?.networkInterfaces ?? []).map((eni) =>
    eni.groupIds.map((id) => sims.aws.ec2.securityGroup(id)?.groupName),
  );
}

/** A playbook isolating the C&C host and three of its siblings, one for_each step with a canary. */
function fleetPlaybook(canary: string, onFailure: 'stop' | 'continue' | 'undo' = 'stop'): string {
  return `id: contain-fleet
description: The C&C host and the instances built from the same image, isolated a canary first.
owner: security@example.com
priority: 5
trigger: event.kind.startsWith('Backdoor:EC2/')
tier:
  environment: ir-containment
steps:
  - id: isolate-fleet
    action: aws:ec2.isolate_instance
    for_each: "{{ [string(event.resources.filter(r, r.type == 'aws.ec2.instance')[0].id), ${FLEET.map((i) => `'${i}'`).join(', ')}] }}"
    with:
      instance_id: "{{ item }}"
    requires_approval: true
    on_failure: ${onFailure}
    canary: ${canary}
  - id: disable-metadata
    action: aws:ec2.disable_imds
    requires_approval: true
`;
}

describe('a step over several targets, with a canary', () => {
  it('is planned as one target each, the canary share marked, and acts on the rest only once the canary holds', async () => {
    const { dir, id, base, hash, plan } = await plannedIncident(fleetPlaybook('{ percent: 25, wait: 10ms }'));
    expect(
      plan.steps.map((step) => [step.id, step.parameters?.instance_id ?? null, step.canary?.member ?? null]),
    ).toEqual([
      ['isolate-fleet.1', INSTANCE, true],
      ['isolate-fleet.2', FLEET[0], false],
      ['isolate-fleet.3', FLEET[1], false],
      ['isolate-fleet.4', FLEET[2], false],
      ['disable-metadata', INSTANCE, null],
    ]);
    expect(plan.steps[1]).toMatchObject({
      for_each: { step: 'isolate-fleet', index: 2, of: 4, item: FLEET[0] },
      canary: { size: 1, percent: 25, wait: '10ms', verify: null },
    });
    const sims = await world();
    addFleet(sims);
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
    });
    expect(run.failure).toBeNull();
    expect(results(run)).toEqual([
      ['isolate-fleet.1', 'succeeded'],
      ['isolate-fleet.2', 'succeeded'],
      ['isolate-fleet.3', 'succeeded'],
      ['isolate-fleet.4', 'succeeded'],
      ['disable-metadata', 'succeeded'],
    ]);
    for (const instance of [INSTANCE, ...FLEET]) {
      expect(
        groupsOf(sims, instance)
          .flat()
          .every((group) => group === 'irac-isolation'),
      ).toBe(true);
    }
    // The canary was checked between its target and the others: in the trail, in that order.
    const trail = auditOf(dir, base)
      .filter((entry) => entry.action === 'canary' || entry.data.state === 'succeeded')
      .map((entry) => (entry.action === 'canary' ? `canary ${entry.data.held}` : entry.data.step));
    expect(trail.slice(-6)).toEqual([
      'isolate-fleet.1',
      'canary true',
      'isolate-fleet.2',
      'isolate-fleet.3',
      'isolate-fleet.4',
      'disable-metadata',
    ]);
    // Each target its own record, undone on its own.
    const undone = await responder(dir, worldClients(sims)).undo(id, ['isolate-fleet']);
    expect(undone.steps.map((step) => step.step)).toEqual([
      'isolate-fleet.4',
      'isolate-fleet.3',
      'isolate-fleet.2',
      'isolate-fleet.1',
    ]);
    for (const instance of FLEET) expect(groupsOf(sims, instance)).toEqual([['orders-web']]);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('leaves the rest untouched when a canary target no longer holds its containment after the wait', async () => {
    const { dir, id, base, hash } = await plannedIncident(fleetPlaybook('{ percent: 25, wait: 10ms }'));
    const sims = await world();
    addFleet(sims);
    const { execute } = responder(dir, worldClients(sims));
    const approved = { approvedBy: APPROVER, planHash: hash };
    await execute(id, { ...approved, only: ['isolate-fleet.1'] });
    // Something in the account puts the web group back on the canary's first interface (a drift
    // remediation that knows nothing of the incident).
    const web = sims.aws.ec2.findSecurityGroup(VPC, 'orders-web')?.groupId ?? '';
    await asAdmin(sims.aws, EC2Client, (admin) =>
      admin.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: ENIS[0], Groups: [web] })),
    );
    const counts = sims.mutations();

    const run = await execute(id, approved);
    expect(results(run)).toEqual([
      ['isolate-fleet.1', 'already-succeeded'],
      ['isolate-fleet.2', 'failed'],
      ['isolate-fleet.3', 'not-reached'],
      ['isolate-fleet.4', 'not-reached'],
      ['disable-metadata', 'not-reached'],
    ]);
    expect(run.failure).toMatch(/^step isolate-fleet: the canary check failed: "i-07a8b9c0d1e2f3a4b": /);
    expect(run.failure).toContain(ENIS[0]);
    expect(sims.mutations()).toEqual(counts);
    for (const instance of FLEET) expect(groupsOf(sims, instance)).toEqual([['orders-web']]);
    const canary = auditOf(dir, base).findLast((entry) => entry.action === 'canary');
    expect(canary?.data).toMatchObject({ step: 'isolate-fleet', held: false, plan: hash });
    expect(canary?.data.targets).toEqual([
      { item: INSTANCE, verified: false, detail: expect.stringContaining(ENIS[0]) },
    ]);
  });

  it('with a verify condition that does not hold, and on_failure undo, takes the canary back', async () => {
    const { dir, id, hash } = await plannedIncident(
      fleetPlaybook(
        '{ percent: 50, verify: "canary.targets.all(t, t.verified) && canary.size > 2" }',
        'undo',
      ),
    );
    const sims = await world();
    addFleet(sims);
    const original = groupsOf(sims, INSTANCE);
    const run = await responder(dir, worldClients(sims)).execute(id, {
      approvedBy: APPROVER,
      planHash: hash,
    });
    expect(results(run)).toEqual([
      ['isolate-fleet.1', 'succeeded'],
      ['isolate-fleet.2', 'succeeded'],
      ['isolate-fleet.3', 'failed'],
      ['isolate-fleet.2', 'succeeded'],
      ['isolate-fleet.1', 'succeeded'],
      ['isolate-fleet.4', 'not-reached'],
      ['disable-metadata', 'not-reached'],
    ]);
    expect(run.failure).toBe(
      'step isolate-fleet: the canary check failed: canary.targets.all(t, t.verified) && canary.size > 2 does not hold for 2 canary targets',
    );
    expect(groupsOf(sims, INSTANCE)).toEqual(original);
    for (const instance of FLEET) expect(groupsOf(sims, instance)).toEqual([['orders-web']]);
  });
});

describe('blast-radius budgets', () => {
  const tagFleet = `id: tag-fleet
description: Tags the C&C host and its siblings; nothing destructive, so nobody needs to approve it.
owner: security@example.com
priority: 5
trigger: event.kind.startsWith('Backdoor:EC2/')
tier:
  environment: ir-containment
steps:
  - id: tag-fleet
    action: aws:ec2.tag_resource
    for_each: "{{ [string(event.resources.filter(r, r.type == 'aws.ec2.instance')[0].id), ${FLEET.map((i) => `'${i}'`).join(', ')}] }}"
    with:
      resource_id: "{{ item }}"
`;
  const budgets = [{ action: 'aws:ec2.tag_resource', max: 2, per: 'account' as const, window: '1h' }];

  it('stop a step that would go past one and ask for a reviewer, who may approve more', async () => {
    const { dir, id, base, hash } = await plannedIncident(tagFleet);
    const sims = await world();
    addFleet(sims);
    const { execute } = responder(dir, worldClients(sims));
    const first = await execute(id, { budgets });
    expect(results(first)).toEqual([
      ['tag-fleet.1', 'succeeded'],
      ['tag-fleet.2', 'succeeded'],
      ['tag-fleet.3', 'waiting-for-approval'],
      ['tag-fleet.4', 'not-reached'],
    ]);
    expect(first.waiting).toEqual(['tag-fleet.3']);
    expect(first.steps[2]?.detail).toBe(
      `over budget: 2 of 2 aws:ec2.tag_resource in account 123456789012 within 1h; a reviewer in ir-containment may approve more: --approved-by and --plan-hash ${hash}`,
    );
    expect(sims.aws.ec2.tags(FLEET[1]).has('irac:incident')).toBe(false);
    const running = auditOf(dir, base).filter((e) => e.data.state === 'running');
    expect(running.map((e) => e.data.budgets)).toEqual([
      [{ scope: 'aws:ec2.tag_resource in account 123456789012', used: 1, max: 2, window: '1h' }],
      [{ scope: 'aws:ec2.tag_resource in account 123456789012', used: 2, max: 2, window: '1h' }],
    ]);

    // Run again without a reviewer: still held, nothing counted twice.
    const again = await execute(id, { budgets });
    expect(results(again).slice(2)).toEqual([
      ['tag-fleet.3', 'waiting-for-approval'],
      ['tag-fleet.4', 'not-reached'],
    ]);

    const approved = await execute(id, { budgets, approvedBy: APPROVER, planHash: hash });
    expect(results(approved).slice(2)).toEqual([
      ['tag-fleet.3', 'succeeded'],
      ['tag-fleet.4', 'succeeded'],
    ]);
    const over = auditOf(dir, base).find((e) => e.data.step === 'tag-fleet.3' && e.data.state === 'running');
    expect(over?.data).toMatchObject({
      over_budget: '2 of 2 aws:ec2.tag_resource in account 123456789012 within 1h',
      approved_by: APPROVER,
    });
    expect(incidentOf(dir, base).approvals.map((a) => a.step)).toEqual(['tag-fleet.3', 'tag-fleet.4']);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('count across incidents, and let a window pass free the budget', async () => {
    const { dir, id } = await plannedIncident(tagFleet);
    const sims = await world();
    addFleet(sims);
    const clients = worldClients(sims);
    // Another incident's run an hour and a half earlier spent the whole budget; one 10 minutes ago, half.
    const ledger = (at: string) =>
      apply(dir)(async (tx) => {
        const { budgetIndexFile } = await import('../../src/store/layout.js');
        const file = budgetIndexFile('aws:ec2.tag_resource in account 123456789012');
        tx.write(file, `${(await tx.readText(file)) ?? ''}IR-20261128-aaaaaaaa ${at} tag-fleet.1\n`);
        await tx.commit({ subject: 'earlier runs', body: [], trailers: [] });
      });
    await ledger('2026-11-28T08:30:00.000Z');
    await ledger('2026-11-28T08:31:00.000Z');
    await ledger('2026-11-28T09:55:00.000Z');
    const run = await executePlan(apply(dir), id, {
      live: true,
      actor: ACTOR,
      clients,
      now: () => new Date('2026-11-28T10:05:00Z'),
      budgets,
    });
    expect(results(run)).toEqual([
      ['tag-fleet.1', 'succeeded'],
      ['tag-fleet.2', 'waiting-for-approval'],
      ['tag-fleet.3', 'not-reached'],
      ['tag-fleet.4', 'not-reached'],
    ]);
    expect(run.steps[1]?.detail).toMatch(/^over budget: 2 of 2 /);
  });
});

describe('live runs in one clone', () => {
  it('of the same incident at once: one waits for the other, then finds the work done — no second change', async () => {
    const { dir, id, hash } = await plannedIncident(containPlaybook());
    const sims = await world();
    const clients = worldClients(sims);
    const repository = await IncidentRepository.open(dir);
    const hold = (incident: string) => repository.holdExecution(incident, 10);
    const run = () =>
      executePlan(apply(dir), id, {
        live: true,
        actor: ACTOR,
        clients,
        now: () => new Date(),
        approvedBy: APPROVER,
        planHash: hash,
        hold,
      });
    const [a, b] = await Promise.all([run(), run()]);
    const outcomes = [results(a), results(b)].sort((x, y) =>
      String(x[0]?.[1]).localeCompare(String(y[0]?.[1])),
    );
    expect(outcomes).toEqual([
      [
        ['tag-instance', 'already-succeeded'],
        ['protect-instance', 'already-succeeded'],
        ['isolate-instance', 'already-succeeded'],
        ['disable-metadata', 'already-succeeded'],
      ],
      [
        ['tag-instance', 'succeeded'],
        ['protect-instance', 'succeeded'],
        ['isolate-instance', 'succeeded'],
        ['disable-metadata', 'succeeded'],
      ],
    ]);
    expect(callsTo(sims, 'CreateSecurityGroup')).toEqual([200, 200]);
    expect(callsTo(sims, 'ModifyInstanceMetadataOptions')).toEqual([200]);
  });

  it('of different incidents: no more than orchestrator.max_concurrent_playbooks hold a place at once', async () => {
    const dir = scratchRepo();
    const repository = await IncidentRepository.open(dir);
    const first = await repository.holdExecution('IR-20261128-aaaaaaaa', 1);
    await expect(repository.holdExecution('IR-20261128-bbbbbbbb', 1, 300)).rejects.toThrow(
      '1 playbook execution is already running in this clone (orchestrator.max_concurrent_playbooks) after 0s of waiting; run again later',
    );
    const waiting = repository.holdExecution('IR-20261128-bbbbbbbb', 1, 10_000);
    await first();
    const second = await waiting;
    await second();
    await expect(repository.holdExecution('../../etc', 1)).rejects.toThrow('is not an incident id');
  });
});

describe('a step past its timeout', () => {
  it('is recorded failed, not retried next to the attempt that may still be running, and resumed by the next run', async () => {
    const playbook = containPlaybook({ retries: 3 }).replace(
      '    retries: 3\n',
      '    retries: 3\n    timeout: 2s\n',
    );
    const { dir, id, base, hash } = await plannedIncident(playbook);
    const sims = await world();
    // EC2 stalls on the first interface change past the step's timeout.
    sims.aws.failNext('ModifyNetworkInterfaceAttribute', { hangMs: 5000 });
    const { execute } = responder(dir, worldClients(sims));
    const approved = { approvedBy: APPROVER, planHash: hash, only: ['isolate-instance'] };
    const run = await execute(id, approved);
    expect(results(run)).toEqual([['isolate-instance', 'failed']]);
    expect(run.failure).toBe('step isolate-instance failed: isolate-instance timed out after 2s');
    expect(statesOf(dir, base, 'isolate-instance')).toEqual(['running', 'journal', 'failed']);
    // Not retried: once the stalled call has been answered, it is the only one there was.
    for (let waited = 0; callsTo(sims, 'ModifyNetworkInterfaceAttribute').length === 0; waited += 100) {
      expect(waited).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callsTo(sims, 'ModifyNetworkInterfaceAttribute')).toEqual([200]);

    const resumed = await execute(id, approved);
    expect(results(resumed)).toEqual([['isolate-instance', 'succeeded']]);
    expect(sims.instanceState()).toMatchObject({
      interfaces: ENIS.map((eni) => ({ eni, groups: ['irac-isolation'] })),
    });
    await responder(dir, worldClients(sims)).undo(id, ['isolate-instance']);
    expect(groupsOf(sims, INSTANCE)).toEqual([['orders-web', 'orders-admin'], ['orders-admin']]);
  });
});

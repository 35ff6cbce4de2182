// Planning as a store operation against real git, in a fork of this template: what a reviewer is shown
// for a routed incident (every step resolved, where it acts, the calls it makes, who approves), the hash
// an approval binds to, what planning again writes, what is refused, and what verify makes of plan.json.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadConnector } from '../../src/connectors/registry.js';
import { type VerifyOptions, verifyStore } from '../../src/forensics/verify.js';
import { normalizeWithEvidence } from '../../src/ingest/normalize.js';
import { buildPlan, type Plan, type PlanStep, planHash, serializePlan } from '../../src/plan/plan.js';
import { planIncident } from '../../src/plan/record.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { workingTreeFiles } from '../../src/playbooks/repo-files.js';
import { Git } from '../../src/store/git.js';
import { parseIncident } from '../../src/store/incident.js';
import { incidentDir } from '../../src/store/layout.js';
import { parseAuditEntries, recordEvents } from '../../src/store/record.js';
import { IncidentRepository, type PublishSettings } from '../../src/store/repository.js';
import type { Decision } from '../../src/triage/decide.js';
import { loadTriageEngine } from '../../src/triage/engine.js';
import { triageIncident } from '../../src/triage/record.js';
import type { SecurityEvent } from '../../src/types.js';
import { FIXTURES_DIR, REPO_ROOT } from '../helpers/corpus.js';
import { commitLog, git, scratchRepo } from '../helpers/git.js';

const FAST: PublishSettings = { pushAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 10 };
const VERIFY: VerifyOptions = { allowedSignersPath: '.github/allowed_signers', requireSigned: false };
const TEMPLATE = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel'];
const INGESTED_AT = new Date('2026-11-28T10:00:00Z');
const TRIAGED_AT = new Date('2026-11-28T10:00:07Z');
const PLANNED_AT = new Date('2026-11-28T10:01:00Z');

/** An instance role's credentials used from outside AWS (eu-west-1, account 123456789012). */
const ROLE_CREDENTIALS = 'guardduty/sample.json';
/** Two GuardDuty findings; the first, an EC2 instance in us-east-2 querying a C&C domain. */
const GET_FINDINGS = 'guardduty/get-findings.json';
const EC2_BACKDOOR = 'Backdoor:EC2/C&CActivity.B!DNS';
/** StopLogging by the IAM user ci-deployer: it names a user, an access key and a trail, no role. */
const STOP_LOGGING = 'cloudtrail/sample.json';

/** A security team's repository: the template's configuration, playbooks, registry and feeds, committed. */
function fork(): string {
  const dir = scratchRepo();
  for (const path of TEMPLATE) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  commitAll(dir, 'start from the irac template');
  return dir;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', message);
}

function writeText(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Replaces text in a file of the working tree; fails when the text is not there. */
function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
}

/** Records the events of a fixture (or of raw bytes); the incident each opened, by the event's kind. */
async function ingest(dir: string, input: string | Buffer, now = INGESTED_AT): Promise<Map<string, string>> {
  const bytes = typeof input === 'string' ? readFileSync(join(FIXTURES_DIR, input)) : input;
  const items = [...normalizeWithEvidence(bytes, { name: 'test', receivedAt: now.toISOString() })];
  const repository = await IncidentRepository.open(dir);
  const applied = await repository.apply(
    (tx) =>
      recordEvents(tx, items, {
        actor: 'ingest@example.com',
        correlationWindowMs: 3_600_000,
        now: () => now,
      }),
    FAST,
  );
  return new Map(applied.result.map((recorded) => [recorded.event.kind, recorded.incident]));
}

async function ingestOne(dir: string, input: string | Buffer, now = INGESTED_AT): Promise<string> {
  const opened = [...(await ingest(dir, input, now)).values()];
  expect(opened).toHaveLength(1);
  return opened[0] ?? '';
}

/** Triage as `irac triage` runs it: the fork's configuration, playbooks and registries (working tree). */
async function triage(dir: string, id: string, now = TRIAGED_AT): Promise<Decision> {
  const config = await loadConfig({ repoRoot: dir });
  const engine = await loadTriageEngine({ repoRoot: dir, config, localOnly: true });
  const repository = await IncidentRepository.open(dir);
  const applied = await repository.apply(
    (tx) =>
      triageIncident(tx, id, {
        actor: 'triage@example.com',
        rules: engine.rules,
        enrich: engine.enrich,
        now: () => now,
      }),
    FAST,
  );
  return applied.result.decision;
}

/** Planning as `irac plan` runs it: the playbooks of the working tree, held to their committed text. */
async function plan(dir: string, id: string, now = PLANNED_AT) {
  const config = await loadConfig({ repoRoot: dir });
  const files = workingTreeFiles(dir);
  const playbooks = await loadPlaybooks(files, config);
  const repository = await IncidentRepository.open(dir);
  const applied = await repository.apply(
    (tx) =>
      planIncident(tx, id, {
        actor: 'planner@example.com',
        playbooks,
        playbookText: (file) => files.readText(file),
        now: () => now,
      }),
    FAST,
  );
  return applied.result;
}

async function triagedFork(fixture: string, kind?: string) {
  const dir = fork();
  const opened = await ingest(dir, fixture);
  const id = kind === undefined ? ([...opened.values()][0] ?? '') : (opened.get(kind) ?? '');
  expect(id).toMatch(/^IR-/);
  const decision = await triage(dir, id);
  return { dir, id, decision, base: incidentDir(id) };
}

const show = (dir: string, path: string) => git(dir, 'show', `HEAD:${path}`);
/** A file as HEAD holds it, byte for byte (the git helper drops the last line break). */
const committed = (dir: string, path: string, rev = 'HEAD') =>
  execFileSync('git', ['show', `${rev}:${path}`], { cwd: dir, encoding: 'utf8' });

/** The incident's events as committed. */
function committedEvents(dir: string, base: string): SecurityEvent[] {
  return git(dir, 'ls-tree', '--name-only', 'HEAD', `${base}/events/`)
    .split('\n')
    .filter((file) => !file.endsWith('.raw.json'))
    .map((file) => JSON.parse(committed(dir, file)) as SecurityEvent);
}
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
/** RFC 8785 by the reference library, not by irac's own helper: anyone can recompute the hash. */
const canonicalHash = (value: unknown) => sha256(canonicalize(value) ?? '');

function stepOf(plan: Plan, id: string): PlanStep {
  const step = plan.steps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`the plan has no step ${id}`);
  return step;
}

/** Each applying step's calls are what its connector describes for its parameters, target and incident. */
async function expectCallsFromDescribe(plan: Plan): Promise<void> {
  for (const step of plan.steps.filter((s) => s.applies)) {
    const connector = await loadConnector(step.runs);
    const { region, account } = step.target;
    const calls = connector.describe(step.parameters ?? {}, {
      incidentId: plan.incident,
      aws: { region: region ?? '', ...(account ? { account } : {}) },
    });
    expect(step.calls, step.id).toEqual(calls.map(({ call, target, effect }) => ({ call, target, effect })));
  }
}

function auditEntries(dir: string, id: string) {
  return parseAuditEntries(show(dir, `${incidentDir(id)}/audit.jsonl`));
}

/** HEAD and the working tree: what a refused operation must leave as it was. */
function snapshot(dir: string) {
  return { head: git(dir, 'rev-parse', 'HEAD'), status: git(dir, 'status', '--porcelain') };
}

/** Every object of a JSON value has its keys in code-point order. */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.every((key, i) => key === sorted[i]) && Object.values(value).every(keysSorted);
}

/** A generic event (already shaped as a SecurityEvent) with the resources, account and region given. */
function genericEvent(fields: Record<string, unknown>): Buffer {
  return Buffer.from(
    `${JSON.stringify({
      id: 'beacon-1',
      timestamp: '2026-11-28T09:58:12Z',
      severity: 'high',
      kind: 'edr.beacon',
      title: 'Beacon from a build host',
      resource: 'i-0feedface1234567',
      ...fields,
    })}\n`,
  );
}

describe('the plan for a routed incident', () => {
  it('resolves aws-compromised-iam-credentials for stolen role credentials: every step, where, which calls, who approves', async () => {
    const { dir, id, decision, base } = await triagedFork(ROLE_CREDENTIALS);
    expect(decision).toMatchObject({ outcome: 'routed', playbook: 'aws-compromised-iam-credentials' });
    const [event] = committedEvents(dir, base);
    if (!event) throw new Error('the incident has no event');
    const triageCommit = git(dir, 'rev-parse', 'HEAD');

    const { plan: planned, hash, commit } = await plan(dir, id);
    expect(commit).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(git(dir, 'rev-parse', 'HEAD~1')).toBe(triageCommit);

    const playbookFile = 'playbooks/aws-compromised-iam-credentials.yaml';
    expect(planned).toMatchObject({
      format: 2,
      incident: id,
      playbook: {
        id: 'aws-compromised-iam-credentials',
        version: '1.0.0',
        file: playbookFile,
        sha256: sha256(committed(dir, playbookFile)),
      },
      decision_sha256: sha256(committed(dir, `${base}/triage.json`)),
      environment: 'ir-containment',
      needs_approval: true,
    });
    expect(planned.steps.map((step) => step.id)).toEqual([
      'notify-channel',
      'collect-trail',
      'deactivate-access-keys',
      'deny-user',
      'revoke-role-sessions',
      'open-ticket',
    ]);

    // Slack: the written channel and every default rendered from the incident; no AWS target.
    expect(stepOf(planned, 'notify-channel')).toMatchObject({
      action: 'slack:post_message',
      runs: 'slack:post_message',
      applies: true,
      skipped: null,
      parameters: {
        channel: '#ir-aws',
        thread: true,
        title: event.title,
        severity: decision.severity,
        score: decision.score.value,
        resources: ['arn:aws:iam::123456789012:role/orders-api-instance-role', 'ASIA4EXAMPLE7QK3ZP2M'],
      },
      target: { region: null, account: null },
      needs_approval: false,
    });
    expect(stepOf(planned, 'notify-channel').calls).toContainEqual(
      expect.objectContaining({ call: 'slack:chat.postMessage', target: '#ir-aws' }),
    );

    // Evidence: the written retention over the action's 7d default, the principals from the event.
    const trail = stepOf(planned, 'collect-trail');
    expect(trail).toMatchObject({
      applies: true,
      parameters: {
        retention: '30d',
        max_events: 5000,
        lookup_attributes: [
          { key: 'ResourceName', value: 'orders-api-instance-role' },
          { key: 'AccessKeyId', value: 'ASIA4EXAMPLE7QK3ZP2M' },
        ],
      },
      target: { region: 'eu-west-1', account: '123456789012' },
      destructive: false,
      needs_approval: false,
    });
    // One lookup (or more: a connector may also look where IAM's global events are logged) per principal.
    expect(trail.calls.every((call) => call.call === 'cloudtrail:LookupEvents')).toBe(true);
    for (const principal of ['ResourceName=orders-api-instance-role', 'AccessKeyId=ASIA4EXAMPLE7QK3ZP2M']) {
      expect(
        trail.calls.some((call) => call.target.endsWith(principal)),
        principal,
      ).toBe(true);
    }

    // The finding names a role, no user: the user steps are skipped, and wait for nobody.
    for (const skipped of ['deactivate-access-keys', 'deny-user']) {
      expect(stepOf(planned, skipped)).toMatchObject({
        applies: false,
        skipped: 'its condition does not hold',
        parameters: null,
        calls: [],
        destructive: true,
        needs_approval: false,
      });
    }

    const revoke = stepOf(planned, 'revoke-role-sessions');
    expect(revoke).toMatchObject({
      applies: true,
      parameters: { role_name: 'orders-api-instance-role' },
      target: { region: 'eu-west-1', account: '123456789012' },
      destructive: true,
      reversible: true,
      needs_approval: true,
      on_failure: 'stop',
      retries: 0,
    });
    expect(revoke.calls).toContainEqual(
      expect.objectContaining({
        call: 'iam:PutRolePolicy',
        target: expect.stringContaining('orders-api-instance-role'),
      }),
    );
    await expectCallsFromDescribe(planned);

    expect(stepOf(planned, 'open-ticket')).toMatchObject({
      applies: true,
      parameters: {
        title: `[${id}] ${decision.severity}: ${event.title}`,
        labels: ['irac', id, `severity:${decision.severity}`, 'aws-iam-credentials'],
      },
      target: { region: null, account: null },
      needs_approval: false,
    });

    // One commit: plan.json, and the incident's record of it.
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      ['README.md', 'audit.jsonl', 'incident.yaml', 'plan.json'].map((file) => `${base}/${file}`),
    );
    expect(committed(dir, `${base}/plan.json`)).toBe(serializePlan(planned));
    const summary = 'aws-compromised-iam-credentials: 4 of 6 steps, 1 waiting for ir-containment';
    const [last] = commitLog(dir);
    expect(last?.subject).toBe(`plan: ${id} ${summary}`);
    expect(last?.trailers).toMatchObject({ 'Incident-Id': id, 'Irac-Action': 'plan' });
    expect(git(dir, 'log', '-1', '--format=%b')).toContain(`plan sha256 ${hash}`);
    const entry = auditEntries(dir, id).at(-1);
    expect(entry).toMatchObject({
      seq: 3,
      action: 'plan',
      actor: 'planner@example.com',
      at: PLANNED_AT.toISOString(),
      data: {
        summary,
        playbook: 'aws-compromised-iam-credentials',
        environment: 'ir-containment',
        needs_approval: true,
        steps: ['notify-channel', 'collect-trail', 'revoke-role-sessions', 'open-ticket'],
        waiting: ['revoke-role-sessions'],
        plan_sha256: hash,
      },
    });
    expect(entry?.data).not.toHaveProperty('replaces');
    const incident = parseIncident(show(dir, `${base}/incident.yaml`), 'incident.yaml');
    expect(incident).toMatchObject({ status: 'triaged', playbook: 'aws-compromised-iam-credentials' });
    expect(incident.timestamps.updated).toBe(PLANNED_AT.toISOString());
    expect(entry?.data.incident_sha256).toBe(sha256(committed(dir, `${base}/incident.yaml`)));
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('resolves aws-compromised-ec2-instance for an instance querying a C&C domain: evidence runs, containment waits', async () => {
    const { dir, id, decision } = await triagedFork(GET_FINDINGS, EC2_BACKDOOR);
    expect(decision).toMatchObject({ outcome: 'routed', playbook: 'aws-compromised-ec2-instance' });
    // The instance is in no registry: the tier's pre-authorized scope cannot hold.
    expect(decision.enrichment.unknown_resources).toEqual([
      'arn:aws:ec2:us-east-2:123456789012:instance/i-07a8b9c0d1e2f3a4b',
    ]);
    const { plan: planned } = await plan(dir, id);
    const instance = 'i-07a8b9c0d1e2f3a4b';
    const where = { region: 'us-east-2', account: '123456789012' };
    const approvals = Object.fromEntries(planned.steps.map((step) => [step.id, step.needs_approval]));
    expect(approvals).toEqual({
      'notify-channel': false,
      'tag-instance': false,
      'protect-instance': false,
      'snapshot-volumes': false,
      'enter-standby': true,
      'isolate-instance': true,
      'remove-instance-profile': true,
      'disable-metadata': true,
      'open-ticket': false,
    });
    expect(planned.steps.every((step) => step.applies && step.skipped === null)).toBe(true);
    for (const step of planned.steps.filter((s) => s.runs.startsWith('aws:'))) {
      expect(step.target).toEqual(where);
      expect(step.calls.length).toBeGreaterThan(0);
      expect(step.calls.every((call) => call.target.includes(instance))).toBe(true);
    }
    expect(stepOf(planned, 'tag-instance').parameters).toEqual({
      resource_id: instance,
      tags: { 'irac:incident': id, 'irac:status': 'under-investigation' },
    });
    expect(stepOf(planned, 'enter-standby').parameters).toEqual({
      instance_id: instance,
      decrement_desired_capacity: false,
    });
    expect(stepOf(planned, 'isolate-instance')).toMatchObject({
      parameters: { instance_id: instance },
      destructive: true,
      reversible: true,
      retries: 2,
      on_failure: 'stop',
    });
    expect(stepOf(planned, 'isolate-instance').calls.map((call) => call.call)).toContain(
      'ec2:ModifyNetworkInterfaceAttribute',
    );
    await expectCallsFromDescribe(planned);
    // A failed snapshot or protection does not hold back isolation, as the playbook says.
    expect(stepOf(planned, 'protect-instance').on_failure).toBe('continue');
    expect(stepOf(planned, 'snapshot-volumes').on_failure).toBe('continue');
    expect(planned.needs_approval).toBe(true);
    expect(auditEntries(dir, id).at(-1)?.data).toMatchObject({
      waiting: ['enter-standby', 'isolate-instance', 'remove-instance-profile', 'disable-metadata'],
    });
  });

  it('lets containment run without a reviewer once the registry puts every resource in dev (the pre-authorized scope)', async () => {
    const dir = fork();
    writeText(
      dir,
      'assets/sandbox.yaml',
      `assets:
  - id: build-sandbox
    owner: platform@example.com
    environment: dev
    criticality: 0.2
    match:
      - arn:aws:ec2:us-east-2:123456789012:instance/i-07a8b9c0d1e2f3a4b
`,
    );
    commitAll(dir, 'the build sandbox');
    const id = (await ingest(dir, GET_FINDINGS)).get(EC2_BACKDOOR) ?? '';
    const decision = await triage(dir, id);
    expect(decision.enrichment.unknown_resources).toEqual([]);
    const { plan: planned } = await plan(dir, id);
    expect(planned.needs_approval).toBe(false);
    expect(planned.steps.filter((step) => step.needs_approval)).toEqual([]);
    expect(stepOf(planned, 'isolate-instance')).toMatchObject({ applies: true, destructive: true });
    const [last] = commitLog(dir);
    expect(last?.subject).toBe(`plan: ${id} aws-compromised-ec2-instance: 9 of 9 steps`);
    expect(auditEntries(dir, id).at(-1)?.data).toMatchObject({ needs_approval: false, waiting: [] });
  });

  it('shows an alias as the playbook wrote it and the action that runs', async () => {
    const dir = fork();
    writeText(
      dir,
      'playbooks/contain-build-host.yaml',
      `id: contain-build-host
description: Beacons from build hosts.
priority: 5
trigger: event.kind == 'edr.beacon'
tier:
  environment: ir-containment
steps:
  - id: isolate
    action: cloud:security_group_deny_all
    requires_approval: true
`,
    );
    commitAll(dir, 'contain build hosts');
    const id = await ingestOne(
      dir,
      genericEvent({
        account: '444455556666',
        region: 'ap-southeast-2',
        resources: [{ type: 'aws.ec2.instance', id: 'i-0feedface1234567' }],
      }),
    );
    await triage(dir, id);
    const { plan: planned } = await plan(dir, id);
    expect(stepOf(planned, 'isolate')).toMatchObject({
      action: 'cloud:security_group_deny_all',
      runs: 'aws:ec2.isolate_instance',
      parameters: { instance_id: 'i-0feedface1234567' },
      target: { region: 'ap-southeast-2', account: '444455556666' },
      needs_approval: true,
    });
  });
});

describe('the hash an approval is bound to', () => {
  it('is sha256 of the canonical JSON: plan.json is that JSON with sorted keys, and the audit entry records it', async () => {
    const { dir, id, base } = await triagedFork(ROLE_CREDENTIALS);
    const { plan: planned, hash } = await plan(dir, id);
    const text = committed(dir, `${base}/plan.json`);
    const value = JSON.parse(text);
    expect(keysSorted(value)).toBe(true);
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(hash).toBe(canonicalHash(value));
    expect(hash).toBe(canonicalHash(planned));
    expect(planHash(planned)).toBe(hash);
    expect(auditEntries(dir, id).at(-1)?.data.plan_sha256).toBe(canonicalHash(value));
  });

  it('can be recomputed by anyone from the committed incident, events, decision and playbook', async () => {
    const { dir, id, base } = await triagedFork(GET_FINDINGS, EC2_BACKDOOR);
    const { hash } = await plan(dir, id);
    const events = committedEvents(dir, base);
    const decisionText = committed(dir, `${base}/triage.json`);
    const playbooks = await loadPlaybooks(workingTreeFiles(dir), await loadConfig({ repoRoot: dir }));
    const playbook = playbooks.find((p) => p.id === 'aws-compromised-ec2-instance');
    if (!playbook) throw new Error('the template lost aws-compromised-ec2-instance');
    // incident.yaml as triage left it: planning changes only its `updated` time.
    const triaged = parseIncident(committed(dir, `${base}/incident.yaml`, 'HEAD~1'), 'incident.yaml');
    const rebuilt = await buildPlan({
      incident: triaged,
      events,
      decision: JSON.parse(decisionText) as Decision,
      decisionText,
      playbook,
      playbookText: committed(dir, playbook.file),
    });
    expect(planHash(rebuilt)).toBe(hash);

    const other = playbooks.find((p) => p.id === 'aws-compromised-iam-credentials');
    if (!other) throw new Error('the template lost aws-compromised-iam-credentials');
    await expect(
      buildPlan({
        incident: triaged,
        events,
        decision: JSON.parse(decisionText) as Decision,
        decisionText,
        playbook: other,
        playbookText: '',
      }),
    ).rejects.toThrow(
      `${id}: the decision routes to aws-compromised-ec2-instance, not aws-compromised-iam-credentials`,
    );
  });

  it('writes nothing when the plan is already the incident’s, however much later', async () => {
    const { dir, id } = await triagedFork(ROLE_CREDENTIALS);
    const first = await plan(dir, id);
    const after = snapshot(dir);
    const again = await plan(dir, id, new Date('2026-11-29T08:00:00Z'));
    expect(again.commit).toBeUndefined();
    expect(again.hash).toBe(first.hash);
    expect(again.plan).toEqual(first.plan);
    expect(snapshot(dir)).toEqual(after);
  });

  it('changes with the decision: re-triaged to another playbook, the new plan names the hash it replaces', async () => {
    const { dir, id, base } = await triagedFork(ROLE_CREDENTIALS);
    const first = await plan(dir, id);
    // A playbook evaluated before the template's takes the incident on re-triage.
    writeText(
      dir,
      'playbooks/role-credentials-first.yaml',
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
    commitAll(dir, 'revoke stolen role credentials first');
    const decision = await triage(dir, id, new Date('2026-11-28T10:30:00Z'));
    expect(decision.playbook).toBe('role-credentials-first');
    const second = await plan(dir, id, new Date('2026-11-28T10:31:00Z'));
    expect(second.commit).toBeDefined();
    expect(second.hash).not.toBe(first.hash);
    expect(second.plan.playbook.id).toBe('role-credentials-first');
    expect(second.plan.decision_sha256).not.toBe(first.plan.decision_sha256);
    expect(second.plan.steps).toHaveLength(1);
    const entry = auditEntries(dir, id).at(-1);
    expect(entry).toMatchObject({
      seq: 5,
      action: 'plan',
      data: { plan_sha256: second.hash, replaces: first.hash, playbook: 'role-credentials-first' },
    });
    expect(canonicalHash(JSON.parse(show(dir, `${base}/plan.json`)))).toBe(second.hash);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
  });

  it('changes with a reviewed change to the playbook, though the decision does not', async () => {
    const { dir, id } = await triagedFork(ROLE_CREDENTIALS);
    const first = await plan(dir, id);
    edit(dir, 'playbooks/aws-compromised-iam-credentials.yaml', 'retention: 30d', 'retention: 90d');
    commitAll(dir, 'keep 90 days of the trail');
    const second = await plan(dir, id, new Date('2026-11-28T11:00:00Z'));
    expect(second.hash).not.toBe(first.hash);
    expect(second.plan.decision_sha256).toBe(first.plan.decision_sha256);
    expect(second.plan.playbook.sha256).not.toBe(first.plan.playbook.sha256);
    expect(stepOf(second.plan, 'collect-trail').parameters).toMatchObject({ retention: '90d' });
    expect(auditEntries(dir, id).at(-1)?.data).toMatchObject({ replaces: first.hash });
  });
});

describe('what planning refuses, committing nothing', () => {
  it('an incident not triaged yet', async () => {
    const dir = fork();
    const id = await ingestOne(dir, ROLE_CREDENTIALS);
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(`${id}: has not been triaged: run \`irac triage\` first`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an id with no incident', async () => {
    const dir = fork();
    await ingestOne(dir, ROLE_CREDENTIALS);
    await expect(plan(dir, 'IR-20261128-zzzzzzzz')).rejects.toThrow(
      'IR-20261128-zzzzzzzz: no such incident in the store',
    );
  });

  it('an incident triage suppressed', async () => {
    const dir = fork();
    edit(
      dir,
      'incident-response-config.yaml',
      '  suppressions: []\n',
      `  suppressions:
    - id: red-team
      when: "event.vendor == 'guardduty'"
      reason: the red team's exercise
      owner: secops@example.com
      expires: 2099-12-31
`,
    );
    commitAll(dir, 'suppress the exercise');
    const id = await ingestOne(dir, ROLE_CREDENTIALS);
    expect((await triage(dir, id)).outcome).toBe('suppressed');
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(`${id}: has nothing to plan: triage suppressed it`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an incident triage aggregated with the ones before it', async () => {
    const dir = fork();
    edit(dir, 'incident-response-config.yaml', '    max_incidents: 5\n', '    max_incidents: 1\n');
    edit(dir, 'incident-response-config.yaml', '    max_severity: medium\n', '    max_severity: high\n');
    commitAll(dir, 'aggregate from the second');
    // Two hours apart, beyond the correlation window: two incidents of one fingerprint.
    await ingestOne(dir, genericEvent({ id: 'beacon-1' }), new Date('2026-11-28T08:00:00Z'));
    const id = await ingestOne(dir, genericEvent({ id: 'beacon-2' }), new Date('2026-11-28T10:00:00Z'));
    expect((await triage(dir, id)).outcome).toBe('aggregated');
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(`${id}: has nothing to plan: triage aggregated it`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an incident no playbook takes and no default route holds', async () => {
    const dir = fork();
    edit(
      dir,
      'incident-response-config.yaml',
      'default_playbook: queue-for-review',
      'default_playbook: null',
    );
    commitAll(dir, 'no default route');
    const id = await ingestOne(dir, genericEvent({ severity: 'low' }));
    expect((await triage(dir, id)).outcome).toBe('unrouted');
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(`${id}: has nothing to plan: triage routed it nowhere`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an incident routed to a playbook the repository no longer has', async () => {
    const { dir, id } = await triagedFork(ROLE_CREDENTIALS);
    rmSync(join(dir, 'playbooks/aws-compromised-iam-credentials.yaml'));
    commitAll(dir, 'retire the playbook');
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(
      `${id}: is routed to playbook "aws-compromised-iam-credentials", which the repository no longer has`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('a playbook with changes not committed: nobody reviewed them', async () => {
    const { dir, id } = await triagedFork(ROLE_CREDENTIALS);
    const file = 'playbooks/aws-compromised-iam-credentials.yaml';
    // Evidence cut to a day, in the working tree only: nobody approved that playbook.
    edit(dir, file, 'retention: 30d', 'retention: 1d');
    const before = snapshot(dir);
    expect(before.status).toBe(` M ${file}`);
    await expect(plan(dir, id)).rejects.toThrow(
      `${file}: has changes that are not committed: a plan is made only from playbooks as reviewed and committed`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('a playbook never committed, though triage routed to it from the working tree', async () => {
    const dir = fork();
    const file = 'playbooks/role-credentials-first.yaml';
    writeText(
      dir,
      file,
      `id: role-credentials-first
description: Stolen instance-role credentials.
priority: 5
trigger: event.vendor == 'guardduty'
steps:
  - id: notify
    action: slack:post_message
    with:
      channel: "#ir"
`,
    );
    const id = await ingestOne(dir, ROLE_CREDENTIALS);
    expect((await triage(dir, id)).playbook).toBe('role-credentials-first');
    const before = snapshot(dir);
    await expect(plan(dir, id)).rejects.toThrow(
      `${file}: is not committed: a plan is made only from playbooks as reviewed and committed`,
    );
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('steps that cannot act on this incident', () => {
  const ROLE_AND_USER = `id: contain-trail-stopper
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
`;

  it('skips a step whose default needs a resource the event does not name, says why, and plans the rest', async () => {
    const dir = fork();
    writeText(dir, 'playbooks/contain-trail-stopper.yaml', ROLE_AND_USER);
    commitAll(dir, 'contain whoever stops a trail');
    const id = await ingestOne(dir, STOP_LOGGING);
    expect((await triage(dir, id)).playbook).toBe('contain-trail-stopper');
    const { plan: planned, commit } = await plan(dir, id);
    expect(commit).toBeDefined();
    const revoke = stepOf(planned, 'revoke-role-sessions');
    expect(revoke).toMatchObject({ applies: false, parameters: null, calls: [], needs_approval: false });
    expect(revoke.skipped).toMatch(
      /^its parameters cannot be resolved: schemas\/actions\/aws\/iam\.revoke_role_sessions\.json: parameters\.properties\.role_name\.default: .*index out of bounds/,
    );
    expect(stepOf(planned, 'deny-user')).toMatchObject({
      applies: true,
      skipped: null,
      parameters: { user_name: 'ci-deployer' },
      target: { region: 'eu-west-1', account: '111122223333' },
      needs_approval: true,
    });
    expect(planned.needs_approval).toBe(true);
    expect(auditEntries(dir, id).at(-1)?.data).toMatchObject({
      steps: ['deny-user'],
      waiting: ['deny-user'],
    });
  });

  it('skips a step whose parameters do not fit the action, at the step', async () => {
    const dir = fork();
    writeText(
      dir,
      'playbooks/contain-build-host.yaml',
      `id: contain-build-host
description: Beacons from build hosts.
priority: 5
trigger: event.kind == 'edr.beacon'
tier:
  environment: ir-containment
steps:
  - id: isolate
    action: aws:ec2.isolate_instance
    requires_approval: true
`,
    );
    commitAll(dir, 'contain build hosts');
    // Not an instance id EC2 would accept: the action's pattern refuses it before any call is planned.
    const id = await ingestOne(
      dir,
      genericEvent({ region: 'us-east-1', resources: [{ type: 'aws.ec2.instance', id: 'build-host-7' }] }),
    );
    await triage(dir, id);
    const { plan: planned } = await plan(dir, id);
    const isolate = stepOf(planned, 'isolate');
    expect(isolate).toMatchObject({ applies: false, parameters: null, calls: [], needs_approval: false });
    expect(isolate.skipped).toMatch(
      /^its parameters cannot be resolved: step "isolate": parameters for aws:ec2\.isolate_instance \/instance_id must match pattern/,
    );
  });

  it('skips AWS steps when the event names no region to act in, and still runs the others', async () => {
    const dir = fork();
    writeText(
      dir,
      'playbooks/contain-build-host.yaml',
      `id: contain-build-host
description: Beacons from build hosts.
priority: 5
trigger: event.kind == 'edr.beacon'
tier:
  environment: ir-containment
steps:
  - id: notify
    action: slack:post_message
    with:
      channel: "#ir-builds"
  - id: isolate
    action: aws:ec2.isolate_instance
    requires_approval: true
`,
    );
    commitAll(dir, 'contain build hosts');
    const id = await ingestOne(
      dir,
      genericEvent({ resources: [{ type: 'aws.ec2.instance', id: 'i-0feedface1234567' }] }),
    );
    await triage(dir, id);
    const { plan: planned } = await plan(dir, id);
    expect(stepOf(planned, 'isolate')).toMatchObject({
      applies: false,
      skipped: 'the event names no AWS region to act in',
      parameters: null,
      calls: [],
      needs_approval: false,
    });
    expect(stepOf(planned, 'notify')).toMatchObject({ applies: true, parameters: { channel: '#ir-builds' } });
    expect(planned.needs_approval).toBe(false);
  });
});

describe('irac verify after plan', () => {
  it('reports a plan.json edited and committed outside irac as not the version recorded', async () => {
    const { dir, id, base } = await triagedFork(ROLE_CREDENTIALS);
    await plan(dir, id);
    expect((await verifyStore(new Git(dir), VERIFY)).problems).toEqual([]);
    // The reviewer's gate taken off the revocation, by hand, in a commit of its own.
    edit(dir, `${base}/plan.json`, '"needs_approval": true', '"needs_approval": false');
    commitAll(dir, 'plan: no approval needed');
    const problems = (await verifyStore(new Git(dir), VERIFY)).problems;
    expect(problems).toContainEqual(
      `${base}/plan.json: not the version recorded at ${base}/audit.jsonl:3 (edited outside irac)`,
    );
    expect(problems).toContainEqual(
      `commit ${git(dir, 'rev-parse', 'HEAD')}: changes ${base}/plan.json without irac's trailers (Incident-Id, Irac-Action, Irac-Actor, Irac-Audit): not made by irac`,
    );
  });

  it('takes plan.json re-indented by hand as the same plan: the hash is over its canonical JSON', async () => {
    const { dir, id, base } = await triagedFork(ROLE_CREDENTIALS);
    const { hash } = await plan(dir, id);
    const file = join(dir, base, 'plan.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    commitAll(dir, 'plan.json on one line');
    // The commit is still not irac's, but the plan in it is the one recorded.
    const problems = (await verifyStore(new Git(dir), VERIFY)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^commit [0-9a-f]{40}: changes .*\/plan\.json without irac's trailers/);
    expect(canonicalHash(JSON.parse(readFileSync(file, 'utf8')))).toBe(hash);
    expect((await plan(dir, id, new Date('2026-11-28T12:00:00Z'))).commit).toBeUndefined();
  });
});

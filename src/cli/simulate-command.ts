// `irac simulate [--keep] [--json]`: the whole pipeline on a laptop, as a security team would live it. A
// fork of this template in a scratch directory (a bare origin and its clone, real git), the team's own
// changes committed to it, and the organisation of src/sim/world.ts on loopback — AWS, Slack, GitHub —
// reached through the real SDK clients. The scenarios of samples/scenarios/ go through the same functions
// the CLI verbs call (runPipeline, executePlan, undoPlan, resolveIncident, the timeline and verify), and
// what each did is read back from the simulated account, not taken from irac's word for it. Every
// expected outcome is checked: the command fails when one did not happen, so the demo is also a test.
// Nothing outside the scratch directory is touched, and no credential or network is needed.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { isSeq, parseDocument, stringify } from 'yaml';
import { type Clients, createClients } from '../connectors/clients.js';
import { OperationError } from '../errors.js';
import { incidentTimeline } from '../forensics/timeline.js';
import { verifyStore } from '../forensics/verify.js';
import { normalizeWithEvidence } from '../ingest/normalize.js';
import type { JsonValue } from '../json.js';
import { type IncidentOutcome, runPipeline } from '../pipeline.js';
import { type Apply, type ExecutionReport, executePlan, undoPlan } from '../plan/execute.js';
import type { Plan } from '../plan/plan.js';
import { resolveIncident } from '../plan/resolve.js';
import { type InstanceState, ORG, startWorld, type UserState, type World } from '../sim/world.js';
import { Git } from '../store/git.js';
import { incidentDir } from '../store/layout.js';
import type { Decision } from '../triage/decide.js';
import { explainDecision } from '../triage/explain.js';
import { anchorIncidents } from './anchor-command.js';
import { governance } from './execute-command.js';
import type { CliIo } from './io.js';
import { lintCommand } from './lint-command.js';
import { metricsCommand } from './metrics-command.js';
import { explainPlan } from './plan-command.js';
import { replayCommand } from './replay-command.js';
import { reportCommand } from './report-command.js';
import { openStore, type StoreContext } from './store-context.js';
import { timelineCommand } from './timeline-command.js';
import { verifyCommand } from './verify-command.js';

export interface SimulateOptions {
  readonly keep?: boolean;
  readonly json?: boolean;
}

/** What the template holds that a fork starts from. */
const FORKED = ['incident-response-config.yaml', 'playbooks', 'assets', 'intel', 'schemas'];
const SCENARIOS = 'samples/scenarios';
/** In the order the story tells them; the pull request's backtest replays them all. */
const SCENARIO_FILES = [
  'guardduty-crypto-mining.json',
  'cloudtrail-access-key-from-tor.json',
  'falco-terminal-shell.json',
  'guardduty-vendor-port-scan.json',
];
/**
 * The scenario files tell of one morning, ending at this time as written; they are replayed as if it were
 * a minute ago, every timestamp moved alike, so the vendors' clocks, the account's event history and
 * irac's own agree, and the evidence falls within the lookback windows.
 */
const WRITTEN_UNTIL = Date.parse('2026-03-14T09:26:00Z');
const APPROVER = 'alice';
const APPROVAL_ENVIRONMENT = 'ir-containment';
const PENTEST_RULE = 'pentest-vendor-scan';
const PENTEST_ADDRESS = '198.51.100.7';
/** The attacker's record, as samples/scenarios/cloudtrail-access-key-from-tor.json carries it. */
const CREATE_ACCESS_KEY_EVENT = 'c7a9e1b3-5d7f-4a2c-9e4b-6d8f0a2c4e6b';
const ISOLATION_GROUP = 'irac-isolation';

interface Check {
  readonly what: string;
  readonly ok: boolean;
  readonly detail?: string;
}

interface ScenarioReport {
  readonly name: string;
  readonly file: string;
  readonly incident: string;
  readonly outcome: string;
  readonly severity: string;
  readonly score: number;
  readonly playbook: string | null;
  readonly suppression: string | null;
  readonly plan_sha256: string | null;
  readonly environment: string | null;
  readonly approval: { readonly by: string; readonly plan_sha256: string } | null;
  /** Each run's steps and what became of them, by stage: run, approved, undo. */
  readonly runs: Record<string, { step: string; result: string }[]>;
  /** What the simulated services hold, read back from them, by stage. */
  readonly state: Record<string, unknown>;
  readonly checks: Check[];
}

/** The template irac ships with: the nearest directory above this module holding the configuration and scenarios. */
function templateDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'incident-response-config.yaml')) && existsSync(join(dir, SCENARIOS)))
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new OperationError(
        'simulate: the irac template (incident-response-config.yaml, samples/scenarios) is not installed beside irac',
      );
    dir = parent;
  }
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/** Every UTC timestamp of a payload moved by `offsetMs`, written as it was (fraction digits kept). */
export function moved(value: JsonValue, offsetMs: number): JsonValue {
  if (typeof value === 'string') {
    const match = ISO_INSTANT.exec(value);
    const at = match ? Date.parse(value) : Number.NaN;
    if (!match || Number.isNaN(at)) return value;
    const shifted = new Date(at + offsetMs).toISOString();
    const fraction = match[2] ?? '';
    // Digits past the millisecond (Falco's nanoseconds) ride along unchanged.
    const tail = fraction.length > 4 ? fraction.slice(4) : '';
    return `${shifted.slice(0, 19)}${fraction === '' ? '' : shifted.slice(19, 19 + Math.min(fraction.length, 4))}${tail}Z`;
  }
  if (Array.isArray(value)) return value.map((item) => moved(item, offsetMs));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, moved(item, offsetMs)]));
  }
  return value;
}

const indent = (text: string, by = '    ') =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : by + line))
    .join('\n');

/** A run as the story tells it: each step's result and what it found or did (the plan lists the calls). */
function runLines(run: ExecutionReport, what = run.live ? 'live run' : 'dry run'): string {
  const lines = [`${what} of plan ${run.plan_sha256.slice(0, 12)}…`];
  for (const { step, result, detail } of run.steps) {
    const shown = detail.length > 110 ? `${detail.slice(0, 109)}…` : detail;
    lines.push(`  - ${step}: ${result}${shown ? ` — ${shown}` : ''}`);
  }
  if (run.waiting.length > 0)
    lines.push(`waiting for a reviewer in ${run.environment}: ${run.waiting.join(', ')}`);
  if (run.failure) lines.push(`failed: ${run.failure}`);
  return lines.join('\n');
}

const stepsOf = (run: ExecutionReport) => run.steps.map(({ step, result }) => ({ step, result }));

/**
 * Runs one git command in the scratch fork, as the team's own git would — but not the user's: their
 * signing set-up and hooks have no business in a scratch repository.
 */
async function git(dir: string, ...args: string[]): Promise<string> {
  const scratch = ['init.defaultBranch=main', 'commit.gpgSign=false', 'core.hooksPath=/dev/null'];
  return new Git(dir).output([...scratch.flatMap((setting) => ['-c', setting]), ...args]);
}

/** A captured run of a CLI verb, for the story (verbs print; the story indents what they print). */
function capture(): { io: CliIo; text: () => string } {
  const chunks: string[] = [];
  return {
    io: {
      stdout: (text) => chunks.push(text),
      stderr: (text) => chunks.push(text),
      readStdin: async () => undefined,
    },
    text: () => chunks.join(''),
  };
}

async function commitAndPush(work: string, message: string): Promise<string> {
  await git(work, 'add', '--all');
  await git(work, 'commit', '--quiet', '-m', message);
  await git(work, 'push', '--quiet', 'origin', 'HEAD:main');
  return (await git(work, 'rev-parse', 'HEAD')).slice(0, 12);
}

/**
 * A fork of `template` in `scratch`: a bare `origin.git` and its clone `work` holding the template's
 * configuration, playbooks, registries and schemas, as a team has it after "Use this template".
 * Returns the origin's path.
 */
export async function forkTemplate(template: string, scratch: string): Promise<string> {
  const origin = join(scratch, 'origin.git');
  const work = join(scratch, 'work');
  await git(scratch, 'init', '--quiet', '--bare', origin);
  await git(scratch, 'clone', '--quiet', origin, work);
  await git(work, 'config', 'user.name', 'Security Engineering');
  await git(work, 'config', 'user.email', 'security-engineering@example.com');
  for (const path of FORKED) {
    if (existsSync(join(template, path))) cpSync(join(template, path), join(work, path), { recursive: true });
  }
  writeFileSync(join(work, 'README.md'), '# Example Org incident response\n');
  await commitAndPush(work, 'Start from the irac template');
  return origin;
}

class Simulation {
  readonly checks: Check[] = [];
  readonly scenarios: ScenarioReport[] = [];
  private store!: StoreContext;
  private clients!: Clients;

  constructor(
    private readonly template: string,
    private readonly scratch: string,
    private readonly world: World,
    private readonly say: (text: string) => void,
    private readonly offsetMs: number,
  ) {}

  get work(): string {
    return join(this.scratch, 'work');
  }

  private expect(checks: Check[], what: string, ok: boolean, detail?: string): void {
    const check = { what, ok, ...(ok || detail === undefined ? {} : { detail }) };
    checks.push(check);
    this.say(`  ${ok ? '✓' : '✗'} ${what}${check.detail ? ` — ${check.detail}` : ''}`);
  }

  private readonly apply: Apply = (operation) =>
    this.store.repository.apply(operation, this.store.publish).then((applied) => applied.result);

  private readWork<T>(path: string): T {
    return JSON.parse(readFileSync(join(this.work, path), 'utf8')) as T;
  }

  /** The scenario as the ingest workflow receives it: moved to now, inside a repository_dispatch. */
  private dispatchOf(file: string): JsonValue {
    const payload = JSON.parse(readFileSync(join(this.template, SCENARIOS, file), 'utf8')) as JsonValue;
    return { event_type: 'security-event', client_payload: { event: moved(payload, this.offsetMs) } };
  }

  // -------------------------------------------------------------------------------------------------
  // The fork

  /** A fork of the template with a bare origin, as a team has it after "Use this template". */
  async fork(): Promise<void> {
    const origin = await forkTemplate(this.template, this.scratch);
    this.say(`fork of the template: ${this.work}\n  origin ${origin} (bare)`);
  }

  private async commit(message: string): Promise<string> {
    return commitAndPush(this.work, message);
  }

  /** A file of the fork rewritten by `edit`, for the team's pull request. */
  private edit(path: string, edit: (text: string) => string): void {
    const file = join(this.work, path);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }

  /**
   * What a team does in its first week, as a pull request: suppress the penetration-test vendor's scans
   * until the engagement ends — linted and backtested over the scenarios before it merges.
   */
  async teamChanges(): Promise<void> {
    const expires = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    this.edit('incident-response-config.yaml', (text) =>
      withSuppression(text, {
        id: PENTEST_RULE,
        when: `'${PENTEST_ADDRESS}' in event.indicators.map(i, i.value)`,
        reason: "Quarterly penetration test from the vendor's address",
        owner: 'security-lead@example.com',
        expires,
      }),
    );
    this.say(
      `\nthe team's first pull request: suppress the pentest vendor's scans (${PENTEST_ADDRESS}, until ${expires})`,
    );
    const lint = capture();
    await lintCommand([], { repo: this.work }, lint.io);
    this.say(`  $ irac lint\n${indent(lint.text())}`);
    const events = join(this.scratch, 'scenarios.ndjson');
    writeFileSync(
      events,
      `${SCENARIO_FILES.map((file) => JSON.stringify(this.dispatchOf(file))).join('\n')}\n`,
    );
    const replay = capture();
    await replayCommand(events, { repo: this.work, compare: 'HEAD' }, replay.io);
    this.say(`  $ irac replay scenarios.ndjson --compare HEAD\n${indent(replay.text())}`);
    const commit = await this.commit("Suppress the pentest vendor's scans until the engagement ends");
    this.say(`  merged: ${commit}, pushed to origin/main`);
    this.store = await openStore({ repo: this.work });
    this.clients = createClients(this.world.connectors);
  }

  // -------------------------------------------------------------------------------------------------
  // Scenarios

  /** `irac run` on one scenario: recorded, triaged, planned, and the steps that need no reviewer carried out. */
  private async run(file: string, live: boolean) {
    const bytes = new TextEncoder().encode(`${JSON.stringify(this.dispatchOf(file), null, 2)}\n`);
    const items = [...normalizeWithEvidence(bytes, { name: `${SCENARIOS}/${file}` })];
    const event = items[0]?.event;
    this.say(
      `\n$ irac run ${SCENARIOS}/${file}${live ? ' --live' : ''}    # the ingest workflow` +
        `\n  event: ${event?.severity} ${event?.vendor} ${event?.kind}  ${event?.resource}`,
    );
    const [outcome] = await runPipeline(items, {
      root: this.store.repository.root,
      config: this.store.config,
      actor: this.store.actor,
      apply: this.apply,
      clients: this.clients,
      live,
      now: () => new Date(),
      governance: governance(this.store),
    });
    if (!outcome) throw new OperationError(`simulate: ${file} was recorded before; nothing ran`);
    const dir = incidentDir(outcome.incident);
    const decision = this.readWork<Decision>(`${dir}/triage.json`);
    this.say(indent(explainDecision(decision), '  '));
    let plan: Plan | undefined;
    if (outcome.plan_sha256) {
      plan = this.readWork<Plan>(`${dir}/plan.json`);
      this.say(indent(explainPlan(plan, outcome.plan_sha256), '  '));
    }
    if (outcome.execution) this.say(indent(runLines(outcome.execution), '  '));
    return { outcome, decision, plan };
  }

  private report(
    name: string,
    file: string,
    outcome: IncidentOutcome,
    decision: Decision,
    extra: Partial<ScenarioReport> & Pick<ScenarioReport, 'runs' | 'state' | 'checks'>,
  ): ScenarioReport {
    return {
      name,
      file: `${SCENARIOS}/${file}`,
      incident: outcome.incident,
      outcome: decision.outcome,
      severity: decision.severity,
      score: decision.score.value,
      playbook: decision.playbook,
      suppression: decision.suppression?.rule ?? null,
      plan_sha256: outcome.plan_sha256,
      environment: outcome.environment,
      approval: null,
      ...extra,
    };
  }

  /** The containment job, once a reviewer of the plan's environment has approved that plan. */
  private async approved(id: string, hash: string): Promise<ExecutionReport> {
    this.say(
      `\n  ${APPROVER}, a required reviewer of ${APPROVAL_ENVIRONMENT}, approves the containment job for plan ${hash}` +
        `\n$ irac execute ${id} --live --approved-by ${APPROVER} --plan-hash ${hash.slice(0, 12)}…    # the containment job`,
    );
    const run = await executePlan(this.apply, id, {
      live: true,
      approvedBy: APPROVER,
      planHash: hash,
      actor: this.store.actor,
      clients: this.clients,
      now: () => new Date(),
      ...governance(this.store),
    });
    this.say(indent(runLines(run), '  '));
    return run;
  }

  private slackMentions(channel: string, id: string): boolean {
    return this.world.slack.messages(channel).some((message) => JSON.stringify(message).includes(id));
  }

  private ticketFor(id: string) {
    return this.world.github.issues(ORG.repository).find((issue) => issue.title.includes(id));
  }

  /** GuardDuty: a production instance mining → dry run, approval, isolation, read back, undone. */
  async cryptoMining(): Promise<void> {
    const file = 'guardduty-crypto-mining.json';
    this.say('\n━━ 1. GuardDuty: a production instance queries a Bitcoin mining pool ━━');
    const checks: Check[] = [];
    const before = this.world.instance();
    const groupBefore = this.world.group();
    const sent = this.world.mutations();
    const { outcome, decision, plan } = await this.run(file, false);
    const id = outcome.incident;
    const hash = outcome.plan_sha256;
    this.expect(
      checks,
      'routed to aws-compromised-ec2-instance',
      decision.playbook === 'aws-compromised-ec2-instance',
      decision.route.reason,
    );
    this.expect(
      checks,
      `the containment steps wait for a reviewer in ${APPROVAL_ENVIRONMENT}`,
      plan?.needs_approval === true && plan.environment === APPROVAL_ENVIRONMENT,
      `environment ${plan?.environment ?? 'none'}`,
    );
    this.expect(
      checks,
      'the dry run changed nothing in AWS, Slack or GitHub',
      isDeepStrictEqual(this.world.mutations(), sent),
    );
    if (hash === null) {
      this.scenarios.push(
        this.report('crypto-mining', file, outcome, decision, { runs: {}, state: { before }, checks }),
      );
      return;
    }

    const run = await this.approved(id, hash);
    const contained = this.world.instance();
    const snapshots = this.world.snapshots();
    const groupContained = this.world.group();
    this.say(`\n  AWS, read back from the account:\n${instanceLines(contained, before, this.world)}`);
    this.expect(
      checks,
      'every step succeeded',
      run.failure === null && run.steps.every((s) => s.result === 'succeeded'),
      run.failure ??
        stepsOf(run)
          .map((s) => `${s.step} ${s.result}`)
          .join(', '),
    );
    this.expect(
      checks,
      `every network interface is in ${ISOLATION_GROUP} alone`,
      contained?.interfaces.every((eni) => isDeepStrictEqual(eni.groups, [ISOLATION_GROUP])) === true,
      JSON.stringify(contained?.interfaces),
    );
    this.expect(
      checks,
      'the Auto Scaling group no longer health-checks it (Standby)',
      contained?.autoScaling === 'Standby',
      contained?.autoScaling,
    );
    this.expect(
      checks,
      'its instance profile is removed and its metadata endpoint off',
      contained?.profile === null && contained.metadata === 'disabled',
    );
    this.expect(
      checks,
      'it cannot be terminated (protection on, shutdown stops it)',
      contained?.terminationProtection === true && contained.shutdown === 'stop',
    );
    this.expect(
      checks,
      'both volumes snapshotted before isolation, tagged with the incident',
      snapshots.length === 2 && snapshots.every((s) => s.tags['irac:incident'] === id),
      `${snapshots.length} snapshots`,
    );
    this.expect(
      checks,
      'Slack #ir-aws heard of it; a GitHub issue tracks it',
      this.slackMentions('ir-aws', id) && this.ticketFor(id) !== undefined,
    );

    this.say(`\n$ irac undo ${id}    # rolled back to show undo; the snapshots stay, as evidence`);
    const undone = await undoPlan(this.apply, id, {
      actor: this.store.actor,
      clients: this.clients,
      now: () => new Date(),
      hold: governance(this.store).hold,
    });
    this.say(indent(runLines(undone, 'undo'), '  '));
    const restored = this.world.instance();
    this.say(`\n  AWS after undo:\n${instanceLines(restored, before, this.world)}`);
    this.expect(
      checks,
      'the instance is as it was before containment',
      isDeepStrictEqual(restored, before),
      JSON.stringify(restored),
    );
    this.expect(checks, 'the evidence snapshots are kept', this.world.snapshots().length === 2);

    const note = 'Simulation: miner traced to a compromised build; instance rebuilt from a clean AMI';
    await this.apply((tx) =>
      resolveIncident(tx, id, { actor: this.store.actor, note, now: () => new Date() }),
    );
    this.say(`\n$ irac resolve ${id} --note '${note}'`);
    this.scenarios.push(
      this.report('crypto-mining', file, outcome, decision, {
        approval: { by: APPROVER, plan_sha256: hash },
        runs: {
          run: outcome.execution ? stepsOf(outcome.execution) : [],
          approved: stepsOf(run),
          undo: stepsOf(undone),
        },
        state: {
          before,
          contained,
          undone: restored,
          snapshots,
          group: { before: groupBefore, contained: groupContained, undone: this.world.group() },
        },
        checks,
      }),
    );
  }

  /** Whether AWS takes a call signed with this key: what the attacker would find out. */
  private async keyAccepted(key: { accessKeyId: string; secretAccessKey: string }): Promise<string> {
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const sts = new STSClient({
      endpoint: this.world.aws.endpoint,
      region: 'us-east-1',
      credentials: key,
      maxAttempts: 1,
    });
    try {
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      return `accepted, as ${identity.Arn}`;
    } catch (error) {
      return `refused: ${error instanceof Error ? error.name : String(error)}`;
    } finally {
      sts.destroy();
    }
  }

  /** CloudTrail: the CI deployer's key creates a second key from a Tor exit → evidence, approval, keys cut. */
  async accessKeyFromTor(): Promise<void> {
    const file = 'cloudtrail-access-key-from-tor.json';
    this.say("\n━━ 2. CloudTrail: the CI deployer's key creates itself a second key from a Tor exit ━━");
    const checks: Check[] = [];
    const before = this.world.user();
    const [stolen] = this.world.stolenKeys;
    const stolenBefore = stolen ? await this.keyAccepted(stolen) : 'no key';
    const { outcome, decision } = await this.run(file, true);
    const id = outcome.incident;
    const hash = outcome.plan_sha256;
    this.expect(
      checks,
      'routed to aws-compromised-iam-credentials',
      decision.playbook === 'aws-compromised-iam-credentials',
      decision.route.reason,
    );
    const waiting = outcome.execution?.waiting ?? [];
    this.expect(
      checks,
      `the keys are cut only once a reviewer in ${APPROVAL_ENVIRONMENT} approves`,
      outcome.environment === APPROVAL_ENVIRONMENT &&
        waiting.includes('deactivate-access-keys') &&
        isDeepStrictEqual(this.world.user(), before),
      `waiting: ${waiting.join(', ') || 'nothing'}`,
    );
    const evidence = this.collectedEvents(id);
    this.expect(
      checks,
      "the attacker's CloudTrail history is kept as evidence, before anything changed",
      evidence.includes(CREATE_ACCESS_KEY_EVENT),
      `${evidence.length} events collected`,
    );
    if (hash === null) {
      this.scenarios.push(
        this.report('access-key-from-tor', file, outcome, decision, { runs: {}, state: { before }, checks }),
      );
      return;
    }

    const run = await this.approved(id, hash);
    const contained = this.world.user();
    const stolenAfter = stolen ? await this.keyAccepted(stolen) : 'no key';
    this.say(
      `\n  AWS, read back from the account:\n${userLines(before, contained)}` +
        `\n    the leaked key ${ORG.deployerKey} tried against AWS: before ${stolenBefore}; now ${stolenAfter}`,
    );
    this.expect(checks, 'every approved step succeeded', run.failure === null, run.failure ?? undefined);
    this.expect(
      checks,
      `both of ${ORG.deployer}'s keys are Inactive (not deleted: the ids stay searchable)`,
      contained?.keys.length === 2 && contained.keys.every((key) => key.status === 'Inactive'),
      JSON.stringify(contained?.keys),
    );
    this.expect(
      checks,
      `${ORG.deployer} is denied everything (irac-deny-all)`,
      contained?.inlinePolicies.includes('irac-deny-all') === true,
    );
    this.expect(
      checks,
      'the leaked key no longer works',
      stolenBefore.startsWith('accepted') && stolenAfter.startsWith('refused'),
      stolenAfter,
    );
    this.scenarios.push(
      this.report('access-key-from-tor', file, outcome, decision, {
        approval: { by: APPROVER, plan_sha256: hash },
        runs: { run: outcome.execution ? stepsOf(outcome.execution) : [], approved: stepsOf(run) },
        state: {
          before,
          contained,
          leaked_key: { before: stolenBefore, after: stolenAfter },
          evidence_events: evidence.length,
        },
        checks,
      }),
    );
  }

  /** The event ids the evidence step collected, from its journaled record. */
  private collectedEvents(id: string): string[] {
    const path = join(this.work, incidentDir(id), 'steps', 'collect-trail.json');
    if (!existsSync(path)) return [];
    const record = JSON.parse(readFileSync(path, 'utf8')) as { events?: { EventId?: string }[] };
    return (record.events ?? []).flatMap((event) => (event.EventId ? [event.EventId] : []));
  }

  /** Falco: a shell in a payments container → routed, a responder notified and a ticket opened. */
  async falcoShell(): Promise<void> {
    const file = 'falco-terminal-shell.json';
    this.say('\n━━ 3. Falco: a terminal shell in a payments container ━━');
    const checks: Check[] = [];
    const aws = this.world.mutations().aws;
    const { outcome, decision } = await this.run(file, true);
    const id = outcome.incident;
    const ticket = this.ticketFor(id);
    this.expect(
      checks,
      'routed to queue-for-review, the default route: no playbook owns shells in containers yet',
      decision.outcome === 'routed' && decision.playbook === 'queue-for-review',
      `${decision.outcome} ${decision.playbook ?? ''}`,
    );
    const steps = outcome.execution ? stepsOf(outcome.execution) : [];
    this.expect(
      checks,
      'every step ran',
      steps.length > 0 && steps.every((s) => s.result === 'succeeded'),
      steps.map((s) => `${s.step} ${s.result}`).join(', '),
    );
    this.expect(checks, 'a responder is notified in Slack #ir-queue', this.slackMentions('ir-queue', id));
    this.expect(
      checks,
      `a ticket waits for review: ${ticket ? `#${ticket.number}` : 'none'}`,
      ticket?.labels.includes('needs-review') === true,
    );
    this.expect(checks, 'nothing was changed in AWS', this.world.mutations().aws === aws);
    this.scenarios.push(
      this.report('falco-terminal-shell', file, outcome, decision, {
        runs: { run: steps },
        state: {
          ticket: ticket ? { number: ticket.number, title: ticket.title, labels: ticket.labels } : null,
        },
        checks,
      }),
    );
  }

  /** GuardDuty: the pentest vendor probes the bastion → recorded, suppressed, nobody paged. */
  async suppressedScan(): Promise<void> {
    const file = 'guardduty-vendor-port-scan.json';
    this.say('\n━━ 4. GuardDuty: the penetration-test vendor probes the bastion ━━');
    const checks: Check[] = [];
    const sent = this.world.mutations();
    const { outcome, decision } = await this.run(file, true);
    this.expect(
      checks,
      `suppressed by ${PENTEST_RULE}, recorded with the rule`,
      decision.outcome === 'suppressed' && decision.suppression?.rule === PENTEST_RULE,
      decision.outcome,
    );
    this.expect(
      checks,
      'no plan, and nothing sent to AWS, Slack or GitHub',
      outcome.plan_sha256 === null && isDeepStrictEqual(this.world.mutations(), sent),
    );
    this.scenarios.push(
      this.report('vendor-port-scan', file, outcome, decision, {
        runs: {},
        state: { mutations: this.world.mutations() },
        checks,
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Forensics

  /**
   * The last mile: the first incident's blameless report (its opening sections; the rest is the timeline,
   * approvals, API calls and the evidence manifest) and the store's response-time metrics, both computed
   * from commits and audit entries alone.
   */
  private async postIncident(id: string) {
    const report = capture();
    await reportCommand(id, { repo: this.work }, report.io, { env: {} });
    const text = report.text();
    const opening = text.slice(0, text.indexOf('\n## Timeline'));
    const sections = text.split('\n').filter((line) => line.startsWith('## '));
    this.say(
      `\n$ irac report ${id}\n${indent(opening, '  ')}\n  … ${sections.length} sections in all: ${sections.map((line) => line.slice(3)).join(', ')}`,
    );
    this.expect(
      this.checks,
      'the post-incident report has its timeline, approvals, evidence manifest and remediation',
      ['## Timeline', '## Approvals', '## Evidence manifest', '## Remediation items'].every((heading) =>
        text.includes(`\n${heading}\n`),
      ),
      sections.join(', '),
    );
    const metrics = capture();
    await metricsCommand({ repo: this.work }, metrics.io);
    this.say(`\n$ irac metrics\n${indent(metrics.text(), '  ')}`);
    const json = capture();
    await metricsCommand({ repo: this.work, json: true }, json.io);
    const figures = JSON.parse(json.text()) as { incidents?: number };
    this.expect(
      this.checks,
      `the metrics count the ${this.scenarios.length} incidents from the trail alone`,
      figures.incidents === this.scenarios.length,
      `incidents: ${String(figures.incidents)}`,
    );
  }

  /**
   * The audit heads posted where a force push cannot reach them (each incident's Slack threads and ticket),
   * then fetched back by `verify --anchors`, which proves the history still holds every one.
   */
  private async anchors() {
    const posted = await anchorIncidents(this.store, undefined, this.clients);
    const places = posted.anchored.reduce((sum, incident) => sum + incident.posted.length, 0);
    this.say(
      `\n$ irac anchor\n  ${posted.anchored.length} incidents' audit heads: ${places} anchors posted in their Slack threads and on their tickets`,
    );
    const shown = capture();
    const failure = await verifyCommand(
      { repo: this.work, anchors: true },
      shown.io,
      false,
      this.clients,
    ).then(
      () => undefined,
      (error: unknown) => (error instanceof OperationError ? error.message : Promise.reject(error)),
    );
    this.say(`\n$ irac verify --anchors\n${indent(shown.text(), '  ')}${failure ? `  ${failure}\n` : ''}`);
    this.expect(
      this.checks,
      'every anchored audit head is still in the history (verify --anchors)',
      failure === undefined && places > 0,
      failure ?? `${places} anchors posted`,
    );
  }

  /** The first incident's story from git, and the whole store verified. */
  async forensics() {
    const main = this.scenarios[0]?.incident;
    let timeline: { at: string; what: string; actor: string | null; commit: string | null }[] = [];
    if (main) {
      const story = capture();
      await timelineCommand(main, { repo: this.work }, story.io);
      this.say(`\n$ irac timeline ${main}\n${indent(story.text(), '  ')}`);
      timeline = (await incidentTimeline(this.store.repository.git, main)).items.map((item) => ({
        at: item.at,
        what: item.what,
        actor: item.actor ?? null,
        commit: item.commit ?? null,
      }));
    }
    if (main) await this.postIncident(main);
    await this.anchors();
    const report = await verifyStore(this.store.repository.git, {
      allowedSignersPath: this.store.config.signing.allowedSigners,
      requireSigned: this.store.config.signing.requireSigned,
    });
    const verify = {
      ok: report.problems.length === 0,
      problems: report.problems,
      incidents: report.incidents,
      events: report.events,
      commits: report.commits,
    };
    // `verify --anchors` above printed it; the report is kept for --json.
    this.expect(
      this.checks,
      'audit chains, evidence hashes and commits verify',
      verify.ok,
      report.problems.join('; '),
    );
    await git(this.work, 'fetch', '--quiet', 'origin');
    const [local, remote] = await Promise.all([
      git(this.work, 'rev-parse', 'HEAD'),
      git(this.work, 'rev-parse', 'origin/main'),
    ]);
    const commits = Number(await git(this.work, 'rev-list', '--count', 'origin/main'));
    this.expect(
      this.checks,
      `every commit is on origin/main (${commits} commits)`,
      local === remote,
      `HEAD ${local.slice(0, 12)}, origin ${remote.slice(0, 12)}`,
    );
    return { timeline, verify, origin: { head: remote, commits } };
  }
}

// The team's edits keep every other byte of a file as it was, so their commit is the small diff a reviewer
// reads in the pull request; a file in a shape they do not expect is rewritten whole instead (same meaning).

/** How far the line holding `offset` is indented. */
function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
}

const padded = (lines: string, by: number) =>
  lines
    .split('\n')
    .map((line) => ' '.repeat(by) + line)
    .join('\n');

/** The configuration with one more suppression rule in `triage.suppressions`. */
function withSuppression(text: string, rule: Record<string, string>): string {
  const doc = parseDocument(text);
  const rules = doc.getIn(['triage', 'suppressions'], true);
  const item = stringify([rule], { lineWidth: 0 }).trimEnd();
  if (isSeq(rules) && rules.range && rules.flow && rules.items.length === 0) {
    // `suppressions: []` becomes a block list under its key.
    const [start, end] = rules.range;
    return `${text.slice(0, start).trimEnd()}\n${padded(item, indentAt(text, start) + 2)}${text.slice(end)}`;
  }
  if (isSeq(rules) && rules.range && !rules.flow) {
    const end = text.slice(0, rules.range[1]).trimEnd().length;
    return `${text.slice(0, end)}\n${padded(item, indentAt(text, rules.range[0]))}${text.slice(end)}`;
  }
  doc.setIn(['triage', 'suppressions'], doc.createNode([...(isSeq(rules) ? rules.toJSON() : []), rule]));
  return doc.toString();
}

function onOff(value: boolean | undefined): string {
  return value ? 'on' : 'off';
}

/** The instance as containment sees it, each line with what it was before when that differs. */
function instanceLines(
  state: InstanceState | undefined,
  before: InstanceState | undefined,
  world: World,
): string {
  if (!state) return '    (the instance is gone)';
  const was = (now: string, then: string | undefined) =>
    then !== undefined && then !== now ? `   (was ${then})` : '';
  const lines = [`    orders-api-2 ${ORG.ordersInstance}`];
  state.interfaces.forEach((eni, i) => {
    const groups = eni.groups.join(', ');
    lines.push(
      `      ${eni.eni.padEnd(24)}${groups}${was(groups, before?.interfaces[i]?.groups.join(', '))}`,
    );
  });
  const rows: [string, string, string | undefined][] = [
    ['instance profile', state.profile ?? 'none', before ? (before.profile ?? 'none') : undefined],
    ['metadata endpoint', state.metadata, before?.metadata],
    [
      'termination',
      `protection ${onOff(state.terminationProtection)}, shutdown ${state.shutdown}`,
      before && `protection ${onOff(before.terminationProtection)}, shutdown ${before.shutdown}`,
    ],
    [
      'Auto Scaling',
      `${state.autoScaling ?? 'no group'} in ${ORG.ordersGroup}`,
      before && `${before.autoScaling ?? 'no group'} in ${ORG.ordersGroup}`,
    ],
    [
      'tags',
      Object.entries(state.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
      undefined,
    ],
  ];
  for (const [name, now, then] of rows) lines.push(`      ${name.padEnd(24)}${now}${was(now, then)}`);
  const snapshots = world.snapshots();
  if (snapshots.length > 0) {
    lines.push(`      ${'snapshots'.padEnd(24)}${snapshots.map((s) => `${s.id} (${s.volume})`).join(', ')}`);
  }
  const group = world.group();
  if (group) {
    lines.push(
      `    group ${ORG.ordersGroup}: desired ${group.desired}; ${group.instances.map((i) => `${i.id} ${i.state}${i.replacement ? ' (replacement)' : ''}`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

function userLines(before: UserState | undefined, now: UserState | undefined): string {
  const keys = (now?.keys ?? [])
    .map((key) => {
      const then = before?.keys.find((k) => k.id === key.id)?.status;
      return `${key.id} ${key.status}${then && then !== key.status ? ` (was ${then})` : ''}`;
    })
    .join(', ');
  return [
    `    user ${ORG.deployer}`,
    `      ${'access keys'.padEnd(24)}${keys}`,
    `      ${'inline policies'.padEnd(24)}${now?.inlinePolicies.join(', ') || 'none'}${before?.inlinePolicies.length ? '' : '   (was none)'}`,
  ].join('\n');
}

export async function simulateCommand(options: SimulateOptions, io: CliIo): Promise<void> {
  const started = performance.now();
  const say = options.json ? () => {} : (text: string) => io.stdout(`${text}\n`);
  const template = templateDir();
  const offsetMs = Date.now() - 60_000 - WRITTEN_UNTIL;
  const scratch = mkdtempSync(join(tmpdir(), 'irac-simulate-'));
  const world = await startWorld({ clock: (written) => new Date(Date.parse(written) + offsetMs) });
  let result: Awaited<ReturnType<Simulation['forensics']>>;
  const simulation = new Simulation(template, scratch, world, say, offsetMs);
  try {
    say(
      `irac simulate — four scenarios through the whole pipeline, against a simulated organisation on loopback:\n` +
        `  AWS account ${ORG.account} (${ORG.region}) at ${world.aws.endpoint}; Slack at ${world.slack.url}; GitHub ${ORG.repository} at ${world.github.url}`,
    );
    await simulation.fork();
    await simulation.teamChanges();
    await simulation.cryptoMining();
    await simulation.accessKeyFromTor();
    await simulation.falcoShell();
    await simulation.suppressedScan();
    result = await simulation.forensics();
  } finally {
    await world.close();
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  const checks = [...simulation.scenarios.flatMap((s) => s.checks), ...simulation.checks];
  const failed = checks.filter((check) => !check.ok);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ok: failed.length === 0, seconds, scratch: options.keep ? scratch : null, scenarios: simulation.scenarios, ...result, checks: simulation.checks })}\n`,
    );
  } else {
    say(
      `\n${checks.length - failed.length} of ${checks.length} expected outcomes happened, in ${seconds} s.` +
        (options.keep
          ? `\nThe fork is kept: cd ${join(scratch, 'work')} && git log --format='%h %s%n%(trailers)' -5`
          : ''),
    );
  }
  if (failed.length > 0) {
    throw new OperationError(
      `simulate: ${failed.length} expected outcome${failed.length === 1 ? '' : 's'} did not happen: ${failed.map((c) => c.what).join('; ')}`,
    );
  }
}

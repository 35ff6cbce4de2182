// `irac drill [NAME...] [--repo DIR] [--keep] [--json]`: the team's quarterly exercise. Each drill of
// drills/ (src/drill/drill.ts) runs in its own scratch fork of the repository — a bare origin and its
// clone, real git — against a fresh copy of the organisation of src/sim/world.ts on loopback, reached
// through the real SDK clients: the events arrive as the ingest workflow receives them (moved to now, as
// `irac simulate` moves its scenarios), then a reviewer approves and the containment job runs, through the
// same functions the CLI verbs call. What came of it is read back from the store and from the simulated
// services, never taken from irac's own report, and scored expectation by expectation (src/drill/score.ts);
// the command exits 1 when a drill fails. Nothing outside the scratch directory is touched.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Clients, createClients } from '../connectors/clients.js';
import { type Drill, type DrillStage, loadDrills, type StepResult } from '../drill/drill.js';
import { type DrillCheck, type DrillObservation, type StageDurations, scoreDrill } from '../drill/score.js';
import { InputError, OperationError } from '../errors.js';
import { verifyStore } from '../forensics/verify.js';
import { displayText } from '../ingest/display.js';
import { normalizeWithEvidence } from '../ingest/normalize.js';
import type { JsonValue } from '../json.js';
import { type IncidentOutcome, runPipeline } from '../pipeline.js';
import { type Apply, type ExecutionReport, executePlan } from '../plan/execute.js';
import type { Plan } from '../plan/plan.js';
import { workingTreeFiles } from '../playbooks/repo-files.js';
import { ORG, startWorld, type World } from '../sim/world.js';
import { auditFile, planFile } from '../store/layout.js';
import { governance } from './execute-command.js';
import type { CliIo } from './io.js';
import { forkTemplate, moved } from './simulate-command.js';
import { openStore, type StoreContext } from './store-context.js';
import { renderTable } from './table.js';

export interface DrillCommandOptions {
  readonly repo?: string;
  readonly keep?: boolean;
  readonly json?: boolean;
}

export interface DrillReport {
  readonly name: string;
  readonly file: string;
  readonly ok: boolean;
  readonly incident: string | null;
  readonly plan_sha256: string | null;
  /** Each stage as it ran, with each step's result. */
  readonly stages: { stage: string; detail: string; steps: { step: string; result: string }[] }[];
  readonly durations: StageDurations;
  readonly observed: DrillObservation;
  readonly checks: DrillCheck[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The latest UTC instant written anywhere in a payload; undefined when it has none. */
function latestInstant(value: JsonValue): number | undefined {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? Date.parse(value) : undefined;
  const children = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object'
      ? Object.values(value)
      : [];
  let latest: number | undefined;
  for (const child of children) {
    const at = latestInstant(child);
    if (at !== undefined && !Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}

/** The payload as the ingest workflow receives it: inside a repository_dispatch. */
function dispatchOf(payload: JsonValue): JsonValue {
  const client_payload = Array.isArray(payload) ? { events: payload } : { event: payload };
  return { event_type: 'security-event', client_payload };
}

const stepsOf = (run: ExecutionReport) => run.steps.map(({ step, result }) => ({ step, result }));

/** One drill in its own fork and its own organisation. */
class DrillRun {
  private readonly stages: DrillReport['stages'] = [];
  private readonly results = new Map<string, StepResult>();
  /** The audit trail's times at the end of each stage, by stage. */
  private readonly stageEnds: { stage: 'run' | 'execute'; before: number; times: number[] }[] = [];
  private outcome: IncidentOutcome | undefined;
  private approval: { by: string; environment: string } | undefined;

  constructor(
    private readonly drill: Drill,
    private readonly world: World,
    private readonly store: StoreContext,
    private readonly clients: Clients,
    private readonly offsetMs: number,
  ) {}

  private readonly apply: Apply = (operation) =>
    this.store.repository.apply(operation, this.store.publish).then((applied) => applied.result);

  private get root(): string {
    return this.store.repository.root;
  }

  /** The `at` of every audit entry of the incident, in order, as committed. */
  private auditTimes(): number[] {
    if (!this.outcome) return [];
    const text = readFileSync(join(this.root, auditFile(this.outcome.incident)), 'utf8');
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => Date.parse((JSON.parse(line) as { at: string }).at));
  }

  /** Each step's last result; "done in an earlier run" keeps what that run did. */
  private record(run: ExecutionReport | null): void {
    for (const { step, result } of run?.steps ?? []) {
      if (result !== 'already-succeeded' || !this.results.has(step)) this.results.set(step, result);
    }
  }

  async stage(stage: DrillStage): Promise<void> {
    const before = this.auditTimes().length;
    if ('run' in stage) await this.run(stage.run.live ?? true);
    else if ('approve' in stage) this.approve(stage.approve);
    else await this.execute(stage.execute.live ?? true);
    if (!('approve' in stage)) {
      this.stageEnds.push({ stage: 'run' in stage ? 'run' : 'execute', before, times: this.auditTimes() });
    }
  }

  /** `irac run`, as the ingest workflow runs it on the dispatch. */
  private async run(live: boolean): Promise<void> {
    const payload = moved(this.drill.payload, this.offsetMs);
    const bytes = new TextEncoder().encode(`${JSON.stringify(dispatchOf(payload), null, 2)}\n`);
    const items = [...normalizeWithEvidence(bytes, { name: this.drill.payloadName })];
    const outcomes = await runPipeline(items, {
      root: this.root,
      config: this.store.config,
      actor: this.store.actor,
      apply: this.apply,
      clients: this.clients,
      live,
      now: () => new Date(),
      governance: governance(this.store),
    });
    const payloadKey = this.drill.event_file === undefined ? 'events' : 'event_file';
    if (outcomes.length !== 1) {
      throw new InputError(
        this.drill.locate([payloadKey]),
        `its events opened ${outcomes.length} incidents; a drill is one incident`,
      );
    }
    this.outcome = outcomes[0];
    this.record(this.outcome?.execution ?? null);
    const o = this.outcome;
    this.stages.push({
      stage: live ? 'run --live' : 'run',
      detail: `${o?.incident}: ${o?.outcome} ${o?.playbook ?? ''}`.trimEnd(),
      steps: o?.execution ? stepsOf(o.execution) : [],
    });
  }

  private approve(approval: { by: string; environment: string }): void {
    this.approval = approval;
    this.stages.push({ stage: 'approve', detail: `${approval.by} in ${approval.environment}`, steps: [] });
  }

  /**
   * The containment job. The approval counts only for a plan waiting in the environment it was given in:
   * a job bound to another environment is not what that reviewer released.
   */
  private async execute(live: boolean): Promise<void> {
    const id = this.outcome?.incident;
    const hash = this.outcome?.plan_sha256 ?? null;
    if (!id || hash === null) {
      this.stages.push({ stage: 'execute', detail: 'no plan to execute', steps: [] });
      return;
    }
    const plan = this.plan();
    const approved = this.approval !== undefined && this.approval.environment === plan?.environment;
    const run = await executePlan(this.apply, id, {
      live,
      ...(approved && this.approval ? { approvedBy: this.approval.by, planHash: hash } : {}),
      actor: this.store.actor,
      clients: this.clients,
      now: () => new Date(),
      ...governance(this.store),
    });
    this.record(run);
    const why = approved ? `approved by ${this.approval?.by}` : 'without an approval for its environment';
    this.stages.push({
      stage: live ? 'execute --live' : 'execute',
      detail: `${why}${run.failure ? `; failed: ${run.failure}` : ''}`,
      steps: stepsOf(run),
    });
  }

  private plan(): Plan | undefined {
    if (!this.outcome?.plan_sha256) return undefined;
    return JSON.parse(readFileSync(join(this.root, planFile(this.outcome.incident)), 'utf8')) as Plan;
  }

  /** Each stage's span on the audit trail: from the last entry before it (or its own first) to its last. */
  private durations(): StageDurations {
    const span = (stage: 'run' | 'execute'): number | null => {
      let total: number | null = null;
      for (const end of this.stageEnds.filter((e) => e.stage === stage)) {
        const start = end.times[end.before - 1] ?? end.times[end.before];
        const last = end.times.at(-1);
        if (start === undefined || last === undefined || end.times.length === end.before) continue;
        total = (total ?? 0) + (last - start);
      }
      return total;
    };
    const all = this.auditTimes();
    const first = all[0];
    const last = all.at(-1);
    return {
      run: span('run'),
      execute: span('execute'),
      total: first === undefined || last === undefined ? null : last - first,
    };
  }

  /** What the drill left behind, read back from the store and from the simulated services. */
  observe(awsBefore: number): DrillObservation {
    const id = this.outcome?.incident ?? null;
    const plan = this.plan();
    const applying = plan?.steps.filter((step) => step.applies) ?? [];
    const expectAws = this.drill.expect.aws;
    const mentions = (text: unknown) => id !== null && JSON.stringify(text).includes(id);
    return {
      incident: id,
      outcome: this.outcome?.outcome ?? null,
      playbook: this.outcome?.playbook ?? null,
      severity: this.outcome?.severity ?? null,
      approval_environment: plan?.needs_approval ? plan.environment : null,
      plan_targets: [...new Set(applying.flatMap((step) => step.calls.map((call) => call.target)))],
      step_results: Object.fromEntries(this.results),
      aws: {
        mutations: this.world.mutations().aws - awsBefore,
        instances: Object.fromEntries(
          (expectAws?.instances ?? []).map(({ id: instance }) => {
            const state = this.world.instance(instance);
            const snapshots = this.world.snapshots(instance).filter((s) => s.tags['irac:incident'] === id);
            return [instance, state ? { ...state, incidentSnapshots: snapshots.length } : null];
          }),
        ),
        users: Object.fromEntries(
          (expectAws?.users ?? []).map(({ name }) => [name, this.world.user(name) ?? null]),
        ),
        buckets: Object.fromEntries(
          (expectAws?.buckets ?? []).map(({ name }) => [name, this.world.aws.s3.bucket(name) ?? null]),
        ),
      },
      slack_channels: ORG.channels.filter((channel) =>
        this.world.slack.messages(channel).some((message) => mentions(message)),
      ),
      tickets: this.world.github
        .issues(ORG.repository)
        .filter((issue) => id !== null && issue.title.includes(id))
        .map((issue) => ({ number: issue.number, labels: issue.labels })),
      durations: this.durations(),
    };
  }

  /**
   * `irac verify` of the fork: the drill's commits and audit entries are what irac's operations, and only
   * they, made of the store — a drill that contains but leaves a broken trail has not passed.
   */
  async verified(): Promise<DrillCheck> {
    const { config, repository } = this.store;
    const report = await verifyStore(repository.git, {
      allowedSignersPath: config.signing.allowedSigners,
      requireSigned: config.signing.requireSigned,
    });
    return {
      expectation: 'irac verify',
      where: this.drill.file,
      ok: report.problems.length === 0,
      expected: 'no problems',
      got: report.problems.length === 0 ? `ok — ${report.commits} commits` : report.problems,
    };
  }

  report(observed: DrillObservation, verified: DrillCheck): DrillReport {
    const checks = [...scoreDrill(this.drill, observed), verified];
    return {
      name: this.drill.name,
      file: this.drill.file,
      ok: checks.every((check) => check.ok),
      incident: observed.incident,
      plan_sha256: this.outcome?.plan_sha256 ?? null,
      stages: this.stages,
      durations: observed.durations,
      observed,
      checks,
    };
  }
}

/** Runs one drill in `dir`: a fresh organisation, a fresh fork of `root`, its stages, and its score. */
async function runDrill(drill: Drill, root: string, dir: string): Promise<DrillReport> {
  // The events are replayed as if they had just happened, and the account's history with them.
  const latest = latestInstant(drill.payload);
  const offsetMs = latest === undefined ? 0 : Date.now() - 60_000 - latest;
  const world = await startWorld({ clock: (written) => new Date(Date.parse(written) + offsetMs) });
  try {
    for (const bucket of drill.world?.s3_buckets ?? []) {
      world.aws.s3.createBucket(bucket.name, {
        ...(bucket.public_policy === undefined ? {} : { policyIsPublic: bucket.public_policy }),
      });
    }
    mkdirSync(dir, { recursive: true });
    await forkTemplate(root, dir);
    const store = await openStore({ repo: join(dir, 'work') });
    const run = new DrillRun(drill, world, store, createClients(world.connectors), offsetMs);
    const awsBefore = world.mutations().aws;
    for (const stage of drill.steps) await run.stage(stage);
    const observed = run.observe(awsBefore);
    return run.report(observed, await run.verified());
  } finally {
    await world.close();
  }
}

const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
const shown = (value: unknown) => displayText(JSON.stringify(value) ?? 'null', 300) ?? '?';

function table(reports: readonly DrillReport[]): string {
  return renderTable(reports, [
    { header: 'DRILL', width: 34, cell: (r) => r.name },
    { header: 'RESULT', width: 6, cell: (r) => (r.ok ? 'pass' : 'FAIL') },
    {
      header: 'CHECKS',
      width: 7,
      cell: (r) => `${r.checks.filter((c) => c.ok).length}/${r.checks.length}`,
    },
    { header: 'RUN', width: 8, cell: (r) => seconds(r.durations.run) },
    { header: 'EXECUTE', width: 8, cell: (r) => seconds(r.durations.execute) },
    { header: 'TOTAL', width: 8, cell: (r) => seconds(r.durations.total) },
    { header: 'INCIDENT', width: 22, cell: (r) => r.incident ?? '-' },
  ]);
}

/** The checks that failed, one line each, at the line of the drill that wrote them. */
function failures(reports: readonly DrillReport[]): string {
  return reports
    .flatMap((r) =>
      r.checks
        .filter((c) => !c.ok)
        .map(
          (c) =>
            `${c.where}: ${r.name}: ${c.expectation}: expected ${shown(c.expected)}, got ${shown(c.got)}\n`,
        ),
    )
    .join('');
}

export async function drillCommand(names: readonly string[], options: DrillCommandOptions, io: CliIo) {
  const root = resolve(options.repo ?? process.cwd());
  const drills = await loadDrills(workingTreeFiles(root), names);
  if (drills.length === 0) {
    if (!options.json) io.stdout('drill: no drills in drills/\n');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'irac-drill-'));
  const reports: DrillReport[] = [];
  try {
    for (const drill of drills) reports.push(await runDrill(drill, root, join(scratch, drill.name)));
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ok: reports.every((r) => r.ok), scratch: options.keep ? scratch : null, drills: reports })}\n`,
    );
  } else {
    io.stdout(table(reports));
    const failed = failures(reports);
    if (failed) io.stdout(`\n${failed}`);
    const checks = reports.flatMap((r) => r.checks);
    const passed = reports.filter((r) => r.ok).length;
    io.stdout(
      `\n${passed} of ${reports.length} drills passed; ${checks.filter((c) => c.ok).length} of ${checks.length} checks held\n`,
    );
    if (options.keep) io.stdout(`the forks are kept in ${scratch}: cd <drill>/work && git log\n`);
  }
  const failedDrills = reports.filter((r) => !r.ok);
  if (failedDrills.length > 0) {
    const named = failedDrills.map(
      (r) =>
        `${r.name} (${r.checks
          .filter((c) => !c.ok)
          .map((c) => c.expectation)
          .join(', ')})`,
    );
    throw new OperationError(
      `drill: ${failedDrills.length} of ${reports.length} drills failed: ${named.join('; ')}`,
    );
  }
}

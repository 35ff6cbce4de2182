// Carrying out a committed plan, step by step, with the audit trail as the ledger. It must be impossible to
// run anything but what was reviewed, to contain twice, or to lose track of what was changed:
//
// - Dry run unless live: a dry run reads (each connector's `inspect`) and records what a live run would
//   do, in one commit; nothing that changes state is sent.
// - A step that needs a reviewer runs live only with an approver and the hash of the plan they approved,
//   which must be the committed plan's hash: a plan changed after approval is refused, and so is a
//   plan.json that is not the plan the audit trail recorded (edited and committed outside irac).
// - Every transition of a live step is an audit entry and a commit: running (with the approver), each
//   journal save of its record (steps/<step>.json, written before the first change, so an interrupted run
//   resumes from it), and succeeded or failed (with the calls made, the read-back, the service's error).
//   A step that succeeded is never run again; a run (or a retry) after a failure resumes it from its record.
// - A failure stops the run (on_failure: stop), goes on (continue), or takes back what this run changed,
//   the failed step's own half-done change first, then the steps before it, newest first (undo).

import { setTimeout as sleep } from 'node:timers/promises';
import { durationMs } from '../config/config.js';
import {
  type ActionContext,
  ActionFailure,
  type ApiCall,
  dryRun,
  execute,
  type Journal,
  type Outcome,
  undo,
  verify,
} from '../connectors/action.js';
import type { Clients } from '../connectors/clients.js';
import { ConnectorUnavailable } from '../connectors/clients.js';
import { loadConnector } from '../connectors/registry.js';
import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { type AuditEntry, nextEntry } from '../store/audit.js';
import { serializeIncident } from '../store/incident.js';
import {
  auditFile,
  BUDGET_INDEX_LIMIT,
  budgetIndexFile,
  incidentFile,
  planFile,
  readmeFile,
  stepFile,
} from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';
import {
  type CanaryContext,
  ConditionError,
  canaryConditions,
  compileCondition,
} from '../triage/expressions.js';
import type { BudgetConfig, Incident } from '../types.js';
import type { Plan, PlanStep } from './plan.js';
import { readPlan } from './record.js';

/** A step's place in the ledger, from the latest live entry about it. */
export type StepState = 'running' | 'succeeded' | 'failed' | 'undone';

/** Runs an operation in its own transaction, one commit (the repository's `apply`, publish settings bound). */
export type Apply = <T>(operation: (tx: Transaction) => Promise<T>) => Promise<T>;

export interface ExecuteOptions {
  readonly live: boolean;
  /** Who approved, for the steps that need a reviewer; with `planHash`. */
  readonly approvedBy?: string;
  /** The hash of the plan the approver saw; must be the committed plan's. */
  readonly planHash?: string;
  /** Only these steps (in plan order). */
  readonly only?: readonly string[];
  readonly actor: string;
  readonly clients: Clients;
  readonly now: () => Date;
  readonly links?: ActionContext['links'];
  /** The configuration's blast-radius budgets (orchestrator.budgets). */
  readonly budgets?: readonly BudgetConfig[];
  /**
   * Takes this run's place among the executions allowed at once (orchestrator.max_concurrent_playbooks),
   * and the incident's own lock, for a live run; resolves with its release.
   */
  readonly hold?: (incident: string) => Promise<() => Promise<void>>;
}

export interface StepReport {
  readonly step: string;
  readonly action: string;
  /** What happened on this run. */
  readonly result:
    | 'succeeded'
    | 'unchanged'
    | 'already-succeeded'
    | 'would-run'
    | 'not-checked'
    | 'skipped'
    | 'waiting-for-approval'
    | 'failed'
    | 'not-reached';
  readonly detail: string;
  readonly calls: readonly ApiCall[];
}

export interface ExecutionReport {
  readonly incident: string;
  readonly plan_sha256: string;
  readonly live: boolean;
  readonly steps: readonly StepReport[];
  /** Steps that wait for a reviewer of `environment`. */
  readonly waiting: readonly string[];
  readonly environment: string;
  /** The first failure that stopped the run, as one line; null when none did. */
  readonly failure: string | null;
}

// A login or an address: printable, no spaces or controls, so it cannot forge a line in a log or a commit.
const APPROVER = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;

export function checkApprover(text: string): string {
  if (!APPROVER.test(text)) {
    throw new InputError(
      '--approved-by',
      'must be a login or an address (letters, digits, . _ @ + -; at most 100 characters)',
    );
  }
  return text;
}

/** The latest live state of each step, from the incident's audit trail. */
export function ledgerOf(
  entries: readonly AuditEntry[],
  planSha: string,
): Map<string, { state: StepState; entry: AuditEntry }> {
  const ledger = new Map<string, { state: StepState; entry: AuditEntry }>();
  for (const entry of entries) {
    if (entry.action !== 'step' || entry.data.plan !== planSha) continue;
    const step = entry.data.step;
    const state = entry.data.state;
    // A journal save and a failed undo leave the step where it was.
    if (
      typeof step === 'string' &&
      typeof state === 'string' &&
      state !== 'journal' &&
      state !== 'undo-failed'
    ) {
      ledger.set(step, { state: state as StepState, entry });
    }
  }
  return ledger;
}

interface StepEntry {
  readonly step: PlanStep;
  readonly state: StepState | 'journal' | 'undo-failed';
  readonly data: JsonObject;
  readonly record?: JsonValue;
  /** Changes to incident.yaml that go with this entry. */
  readonly incident?: (incident: Incident, at: string) => Incident;
}

/** One ledger transition: the audit entry, the step's record file when given, incident.yaml and README — one commit. */
async function recordStep(
  tx: Transaction,
  id: string,
  planSha: string,
  actor: string,
  at: string,
  change: StepEntry,
): Promise<void> {
  const incident = await readIncident(tx, id);
  if (!incident) throw new InputError(id, 'no such incident in the store');
  const recordText = change.record === undefined ? undefined : `${JSON.stringify(change.record, null, 2)}\n`;
  const changed = change.incident ? change.incident(incident, at) : incident;
  // The README shows incident.yaml as written, its `updated` time included (verify renders it again).
  const updated = { ...changed, timestamps: { ...changed.timestamps, updated: at } };
  const incidentYaml = serializeIncident(updated);
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const { entry, line } = nextEntry(auditText, {
    at,
    actor,
    action: 'step',
    incident: id,
    data: {
      step: change.step.id,
      action: change.step.runs,
      state: change.state,
      plan: planSha,
      ...change.data,
      ...(recordText === undefined ? {} : { record_sha256: sha256Hex(recordText) }),
      incident_sha256: sha256Hex(incidentYaml),
    },
  });
  const audit = auditText + line;
  if (recordText !== undefined) tx.write(stepFile(id, change.step.id), recordText);
  tx.write(incidentFile(id), incidentYaml);
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(updated, parseAuditEntries(audit)));
  await tx.commit({
    subject: `step: ${id} ${change.step.id} ${change.state}`.slice(0, 120),
    body: typeof change.data.detail === 'string' ? [change.data.detail.slice(0, 500)] : [],
    trailers: auditTrailers(entry),
  });
}

function contextFor(step: PlanStep, plan: Plan, options: ExecuteOptions): ActionContext {
  return {
    incidentId: plan.incident,
    aws: {
      region: step.target.region ?? '',
      ...(step.target.account ? { account: step.target.account } : {}),
    },
    clients: options.clients,
    now: options.now,
    ...(options.links ? { links: options.links } : {}),
  };
}

const callsOf = (calls: readonly ApiCall[]): JsonValue =>
  calls.map(({ call, target, effect }) => ({ call, target, effect }));

/** The journal as a plain value (its `prior` read now), to add an attempt's signal to. */
const journalOf = (journal: Journal<JsonValue>): Journal<JsonValue> => ({
  prior: journal.prior,
  save: (record) => journal.save(record),
});

/** A step that ran past its timeout. Its attempt may still be making changes: it is not retried in this run. */
class StepTimeout extends Error {
  override readonly name = 'StepTimeout';
}

/** Resolves with the promise, or rejects once the step's timeout has passed. */
async function within<T>(step: PlanStep, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StepTimeout(`${step.id} timed out after ${step.timeout}`)),
      durationMs(step.timeout),
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readRecord(tx: Transaction, id: string, step: string): Promise<JsonValue | undefined> {
  const text = await tx.readText(stepFile(id, step));
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The incident's plan as committed, with its audit trail — refused unless it is the plan the trail last
 * recorded: plan.json edited and committed with plain git (a reviewer's gate taken off, a parameter
 * changed) was never planned, so nobody approved it, and nothing may be run or undone from it.
 */
async function loadRecordedPlan(apply: Apply, id: string, noPlan: string) {
  const loaded = await apply(async (tx) => {
    const current = await readPlan(tx, id);
    const entries = parseAuditEntries((await tx.readText(auditFile(id))) ?? '');
    return current && { ...current, entries };
  });
  if (!loaded) throw new InputError(id, noPlan);
  const recorded = loaded.entries.findLast((entry) => typeof entry.data.plan_sha256 === 'string')?.data
    .plan_sha256;
  if (recorded !== loaded.hash || loaded.plan.incident !== id) {
    throw new InputError(
      planFile(id),
      `is not the plan recorded in the audit trail (sha256 ${loaded.hash}, recorded ${recorded ?? 'none'}): it was changed outside irac; nothing was run — run \`irac plan\` again and have the new plan reviewed`,
    );
  }
  return loaded;
}

/**
 * Whether a step resumes from the record its earlier run journaled: only when that run was interrupted or
 * failed. A step undone since starts afresh: its old record (a revocation's cutoff, the groups an
 * interface had then) describes a world that is gone.
 */
function resumable(ledger: ReturnType<typeof ledgerOf>, step: PlanStep): boolean {
  const state = ledger.get(step.id)?.state;
  return state === 'running' || state === 'failed';
}

/**
 * Executes the incident's committed plan (dry run unless `options.live`). Throws an InputError for a run
 * that must not start (no plan, a hash that is not the plan's, a step name the plan lacks); a failing step
 * is reported, recorded and handled per its on_failure.
 */
export async function executePlan(
  apply: Apply,
  id: string,
  options: ExecuteOptions,
): Promise<ExecutionReport> {
  // Held before the ledger is read: a second live run of the incident waits, then finds the steps done.
  return holding(options, id, () => executeHeld(apply, id, options));
}

async function holding<T>(
  options: Pick<ExecuteOptions, 'live' | 'hold'>,
  id: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!options.live || options.hold === undefined) return work();
  const release = await options.hold(id);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function executeHeld(apply: Apply, id: string, options: ExecuteOptions): Promise<ExecutionReport> {
  const loaded = await loadRecordedPlan(apply, id, 'has no plan: run `irac plan` first');
  const { plan, hash } = loaded;
  if (options.planHash !== undefined && !SHA256.test(options.planHash)) {
    throw new InputError(
      '--plan-hash',
      "must be the plan's sha256 (64 lowercase hex digits), as `irac plan` prints it",
    );
  }
  if (options.planHash !== undefined && options.planHash !== hash) {
    throw new InputError(
      '--plan-hash',
      `${options.planHash} is not the incident's plan (${hash}): the plan changed after it was approved; review the new plan`,
    );
  }
  if (options.approvedBy !== undefined) {
    checkApprover(options.approvedBy);
    if (options.planHash === undefined)
      throw new InputError('--approved-by', 'needs --plan-hash, the hash of the plan that was approved');
  }
  const selected = selectSteps(plan, options.only, '--only');
  const approved = options.approvedBy !== undefined && options.planHash === hash;
  const ledger = ledgerOf(loaded.entries, hash);
  return options.live
    ? runLive(apply, plan, hash, selected, ledger, approved, options)
    : runDry(apply, plan, hash, selected, ledger, options);
}

/**
 * The plan's steps a run is limited to (all without `only`), in plan order. A name is a step's id, or the
 * id of a for_each step, which stands for every one of its targets.
 */
function selectSteps(plan: Plan, only: readonly string[] | undefined, option: string): PlanStep[] {
  if (only === undefined) return [...plan.steps];
  const named = (step: PlanStep, name: string) => step.id === name || step.for_each?.step === name;
  for (const name of only) {
    if (!plan.steps.some((step) => named(step, name))) {
      const ids = [...new Set(plan.steps.map((step) => step.for_each?.step ?? step.id))];
      throw new InputError(option, `the plan has no step "${name}" (it has ${ids.join(', ')})`);
    }
  }
  return plan.steps.filter((step) => only.some((name) => named(step, name)));
}

/** The report of a step this run has nothing to do for: it does not apply, or an earlier run did it. */
function settledReport(step: PlanStep, ledger: ReturnType<typeof ledgerOf>): StepReport | undefined {
  if (!step.applies) {
    return { step: step.id, action: step.action, result: 'skipped', detail: step.skipped ?? '', calls: [] };
  }
  if (ledger.get(step.id)?.state === 'succeeded') {
    return {
      step: step.id,
      action: step.action,
      result: 'already-succeeded',
      detail: 'done in an earlier run',
      calls: [],
    };
  }
  return undefined;
}

async function runDry(
  apply: Apply,
  plan: Plan,
  hash: string,
  steps: readonly PlanStep[],
  ledger: ReturnType<typeof ledgerOf>,
  options: ExecuteOptions,
): Promise<ExecutionReport> {
  const reports: StepReport[] = [];
  for (const step of steps) {
    const settled = settledReport(step, ledger);
    if (settled) {
      reports.push(settled);
      continue;
    }
    try {
      // A job without the service's credentials (the ingest job has none for AWS) cannot read the current
      // state: the plan's description of the step stands, unchecked, and no SDK is loaded to find that out.
      await options.clients.available(step.runs);
    } catch (error) {
      if (!(error instanceof ConnectorUnavailable)) throw error;
      reports.push({
        step: step.id,
        action: step.action,
        result: 'not-checked',
        detail: `not read: ${error.message}`,
        calls: [],
      });
      continue;
    }
    const connector = await loadConnector(step.runs);
    try {
      const prior = resumable(ledger, step)
        ? await apply((tx) => readRecord(tx, plan.incident, step.id))
        : undefined;
      const outcome = await within(
        step,
        dryRun(connector, step.parameters, contextFor(step, plan, options), prior),
      );
      reports.push({
        step: step.id,
        action: step.action,
        result: outcome.calls.length > 0 ? 'would-run' : 'unchanged',
        detail: outcome.state,
        calls: outcome.calls,
      });
    } catch (error) {
      reports.push({
        step: step.id,
        action: step.action,
        result: 'failed',
        detail: reasonLine(error),
        calls: [],
      });
    }
  }
  const unchecked = reports.filter((r) => r.result === 'not-checked').length;
  await apply((tx) =>
    recordEntry(tx, plan.incident, options, 'dry-run', {
      data: {
        plan: hash,
        steps: reports.map((report) => ({
          step: report.step,
          result: report.result,
          detail: report.detail,
          calls: callsOf(report.calls),
        })),
      },
      subject: `dry-run: ${plan.incident} ${reports.filter((r) => r.result === 'would-run').length} steps would change something${unchecked > 0 ? `, ${unchecked} not checked` : ''}`,
      body: [],
    }),
  );
  return report(plan, hash, false, reports, null);
}

/** An audit entry that changes no file of the incident but the trail and its README: one commit. */
async function recordEntry(
  tx: Transaction,
  id: string,
  options: Pick<ExecuteOptions, 'actor' | 'now'>,
  action: string,
  entry: { data: JsonObject; subject: string; body: string[] },
): Promise<void> {
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const next = nextEntry(auditText, {
    at: options.now().toISOString(),
    actor: options.actor,
    action,
    incident: id,
    data: entry.data,
  });
  const audit = auditText + next.line;
  const incident = await readIncident(tx, id);
  tx.write(auditFile(id), audit);
  if (incident) tx.write(readmeFile(id), renderIncidentReadme(incident, parseAuditEntries(audit)));
  await tx.commit({ subject: entry.subject, body: entry.body, trailers: auditTrailers(next.entry) });
}

function reasonLine(error: unknown): string {
  if (error instanceof ActionFailure) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function report(
  plan: Plan,
  hash: string,
  live: boolean,
  steps: StepReport[],
  failure: string | null,
): ExecutionReport {
  return {
    incident: plan.incident,
    plan_sha256: hash,
    live,
    steps,
    waiting: steps.filter((step) => step.result === 'waiting-for-approval').map((step) => step.step),
    environment: plan.environment,
    failure,
  };
}

async function runLive(
  apply: Apply,
  plan: Plan,
  hash: string,
  steps: readonly PlanStep[],
  ledger: ReturnType<typeof ledgerOf>,
  approved: boolean,
  options: ExecuteOptions,
): Promise<ExecutionReport> {
  const reports: StepReport[] = [];
  const succeededNow: PlanStep[] = [];
  let failure: string | null = null;
  /** Canary groups checked in this run, and whether their check held. */
  const gates = new Map<string, boolean>();
  /** for_each steps whose canary failed with on_failure continue: their other targets are left alone. */
  const abandoned = new Set<string>();
  const record = (step: PlanStep, entry: Omit<StepEntry, 'step'>) =>
    apply((tx) =>
      recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), { step, ...entry }),
    );
  const notReached = (from: number, why: string) => {
    for (const rest of steps.slice(from)) {
      reports.push({ step: rest.id, action: rest.action, result: 'not-reached', detail: why, calls: [] });
    }
  };
  const waitFor = (step: PlanStep, index: number, detail: string) => {
    // Later steps may rely on this one: the run stops here and waits.
    reports.push({
      step: step.id,
      action: step.action,
      result: 'waiting-for-approval',
      detail,
      calls: step.calls,
    });
    notReached(index + 1, `after ${step.id}`);
  };
  /** What a failure leads to, per the step's on_failure: whether the run goes on. */
  const failed = async (step: PlanStep, index: number, changedHere: boolean): Promise<boolean> => {
    if (step.on_failure === 'continue') return true;
    if (step.on_failure === 'undo') {
      // What this step changed before it failed (now, or in the interrupted run this one resumed) is
      // taken back first: a half-done isolation leaves interfaces in the all-traffic group.
      const earlier = step.canary ? await canaryMembersDone(apply, plan, hash, step) : [];
      const newestFirst = [...succeededNow].reverse();
      const undoing = [
        ...(changedHere ? [step] : []),
        ...newestFirst,
        ...earlier.filter((member) => !succeededNow.includes(member)),
      ];
      await undoSteps(apply, plan, hash, undoing, options, reports);
    }
    notReached(index + 1, `after ${step.id} failed`);
    return false;
  };

  for (const [index, step] of steps.entries()) {
    const settled = settledReport(step, ledger);
    if (settled) {
      reports.push(settled);
      continue;
    }
    const group = step.for_each?.step;
    if (group !== undefined && abandoned.has(group)) {
      reports.push({
        step: step.id,
        action: step.action,
        result: 'not-reached',
        detail: `held back: the canary of ${group} failed`,
        calls: [],
      });
      continue;
    }
    if (step.needs_approval && !approved) {
      waitFor(step, index, `needs a reviewer in ${plan.environment}: --approved-by and --plan-hash ${hash}`);
      break;
    }
    if (group !== undefined && step.canary && !step.canary.member) {
      if (!gates.has(group)) {
        const gate = await checkCanary(apply, plan, hash, step, options);
        gates.set(group, gate.held);
        if (!gate.held) {
          reports.push({
            step: step.id,
            action: step.action,
            result: 'failed',
            detail: `held back: canary check failed: ${gate.detail}`,
            calls: [],
          });
          failure ??= `step ${group}: the canary check failed: ${gate.detail}`;
          if (await failed(step, index, false)) abandoned.add(group);
          else break;
          continue;
        }
      }
    }
    const approval =
      step.needs_approval && options.approvedBy
        ? { approved_by: options.approvedBy, approved_plan: hash }
        : {};
    const connector = await loadConnector(step.runs);
    const { prior, threads } = await apply(async (tx) => ({
      prior: resumable(ledger, step) ? await readRecord(tx, plan.incident, step.id) : undefined,
      threads: (await readIncident(tx, plan.incident))?.notifications ?? {},
    }));
    const context: ActionContext = { ...contextFor(step, plan, options), threads };
    // The budgets are counted and the step marked running in one commit: two runs racing for the last
    // unit of a budget cannot both land.
    const over = await apply(async (tx) => {
      const at = options.now().toISOString();
      const spent = await spendBudgets(tx, plan, step, options.budgets ?? [], at);
      if (spent.over && !approved) return spent.over;
      for (const [file, content] of spent.writes) tx.write(file, content);
      await recordStep(tx, plan.incident, hash, options.actor, at, {
        step,
        state: 'running',
        data: {
          live: true,
          ...approval,
          ...(spent.uses.length > 0 ? { budgets: spent.uses } : {}),
          ...(spent.over ? { over_budget: spent.over, approved_by: options.approvedBy ?? '' } : {}),
        },
        ...(options.approvedBy && (step.needs_approval || spent.over)
          ? {
              incident: (incident: Incident, when: string) => ({
                ...incident,
                approvals: [
                  ...incident.approvals,
                  { by: options.approvedBy ?? '', at: when, step: step.id, plan_sha256: hash },
                ],
              }),
            }
          : {}),
      });
      return undefined;
    });
    if (over !== undefined) {
      waitFor(
        step,
        index,
        `over budget: ${over}; a reviewer in ${plan.environment} may approve more: --approved-by and --plan-hash ${hash}`,
      );
      break;
    }
    // A retry goes on from what the failed attempt journaled, as the next run would: the record of the
    // state before the first change, not the half-changed state the attempt left behind.
    let journaled = prior;
    const journal = {
      get prior() {
        return journaled;
      },
      save: async (saved: JsonValue) => {
        await record(step, { state: 'journal', data: {}, record: saved });
        journaled = saved;
      },
    };
    let outcome: Outcome<JsonValue> | undefined;
    let lastError: unknown;
    for (let attempt = 0; attempt <= step.retries && outcome === undefined; attempt++) {
      const stop = new AbortController();
      const running = execute(connector, step.parameters, context, {
        ...journalOf(journal),
        signal: stop.signal,
      });
      try {
        outcome = await within(step, running);
      } catch (error) {
        lastError = error;
        if (error instanceof StepTimeout) {
          // The call in flight cannot be recalled: the attempt sends nothing after it, and what it returns
          // is still journaled, for a while. Retrying next to it would make the same changes twice; the
          // next run resumes from the record instead.
          stop.abort();
          await Promise.race([
            running.catch(() => undefined),
            sleep(Math.min(durationMs(step.timeout), 30_000)),
          ]);
          break;
        }
      }
    }
    const check = outcome && (await verify(connector, step.parameters, context, outcome.record));
    if (outcome === undefined || check === undefined || !check.ok) {
      if (outcome === undefined || check === undefined) {
        const reason = reasonLine(lastError);
        await record(step, { state: 'failed', data: { live: true, error: reason, detail: reason } });
        reports.push({ step: step.id, action: step.action, result: 'failed', detail: reason, calls: [] });
        failure ??= `step ${step.id} failed: ${reason}`;
      } else {
        const detail = `${outcome.changed ? 'changed' : 'already in place'}; verify: FAILED: ${check.detail}`;
        await record(step, {
          state: 'failed',
          data: {
            live: true,
            calls: callsOf(outcome.calls),
            error: `verify failed: ${check.detail}`,
            detail,
          },
          record: outcome.record,
        });
        reports.push({ step: step.id, action: step.action, result: 'failed', detail, calls: outcome.calls });
        failure ??= `step ${step.id}: the change did not take: ${check.detail}`;
      }
      if (await failed(step, index, journaled !== undefined)) continue;
      break;
    }
    const detail = `${outcome.changed ? 'changed' : 'already in place'}; verify: ok: ${check.detail}`;
    await record(step, {
      state: 'succeeded',
      data: {
        live: true,
        changed: outcome.changed,
        calls: callsOf(outcome.calls),
        verified: check.detail,
        detail,
      },
      record: outcome.record,
      incident: (incident, at) => {
        // The first thread a channel gets stays the incident's thread there.
        const started = connector.threadsOf?.(outcome.record) ?? {};
        const notifications = { ...started, ...incident.notifications };
        if (!step.destructive) return { ...incident, notifications };
        return {
          ...incident,
          notifications,
          status: incident.status === 'resolved' ? incident.status : 'contained',
          timestamps: { ...incident.timestamps, contained: incident.timestamps.contained ?? at },
        };
      },
    });
    succeededNow.push(step);
    reports.push({
      step: step.id,
      action: step.action,
      result: outcome.changed ? 'succeeded' : 'unchanged',
      detail,
      calls: outcome.calls,
    });
  }
  return report(plan, hash, true, reports, failure);
}

/** The canary targets of `step`'s for_each that have succeeded, by the ledger as committed now. */
async function canaryMembersDone(
  apply: Apply,
  plan: Plan,
  hash: string,
  step: PlanStep,
): Promise<PlanStep[]> {
  const entries = await apply(async (tx) =>
    parseAuditEntries((await tx.readText(auditFile(plan.incident))) ?? ''),
  );
  const ledger = ledgerOf(entries, hash);
  return plan.steps.filter(
    (member) =>
      member.for_each?.step === step.for_each?.step &&
      member.canary?.member === true &&
      ledger.get(member.id)?.state === 'succeeded',
  );
}

/**
 * The canary check before the rest of a for_each step's targets: every canary target done, then after the
 * canary's wait each one's effect read back again (an automation that puts security groups back, an
 * instance replaced meanwhile) and the playbook's condition over them. Recorded as a `canary` audit entry.
 */
async function checkCanary(
  apply: Apply,
  plan: Plan,
  hash: string,
  step: PlanStep,
  options: ExecuteOptions,
): Promise<{ held: boolean; detail: string }> {
  const canary = step.canary;
  const group = step.for_each?.step ?? step.id;
  if (canary === null) return { held: true, detail: 'no canary' };
  const members = plan.steps.filter((member) => member.for_each?.step === group && member.canary?.member);
  const done = await canaryMembersDone(apply, plan, hash, step);
  const targets: { item: JsonValue; verified: boolean; detail: string }[] = [];
  let detail: string;
  let held: boolean;
  const missing = members.filter((member) => !done.includes(member));
  if (missing.length > 0) {
    held = false;
    detail = `canary target${missing.length > 1 ? 's' : ''} ${missing.map((m) => m.id).join(', ')} did not succeed`;
  } else {
    await sleep(durationMs(canary.wait));
    for (const member of members) {
      const connector = await loadConnector(member.runs);
      const saved = await apply((tx) => readRecord(tx, plan.incident, member.id));
      try {
        const check = await verify(
          connector,
          member.parameters,
          contextFor(member, plan, options),
          saved ?? null,
        );
        targets.push({ item: member.for_each?.item ?? null, verified: check.ok, detail: check.detail });
      } catch (error) {
        targets.push({ item: member.for_each?.item ?? null, verified: false, detail: reasonLine(error) });
      }
    }
    const seen = { canary: { targets, size: canary.size, of: step.for_each?.of ?? members.length } };
    if (canary.verify === null) {
      const bad = targets.filter((target) => !target.verified);
      held = bad.length === 0;
      detail = held
        ? `${targets.length} of ${step.for_each?.of} targets done and read back after ${canary.wait}`
        : `${bad.map((target) => `${JSON.stringify(target.item)}: ${target.detail}`).join('; ')}`;
    } else {
      try {
        const condition = compileCondition<CanaryContext>(
          canary.verify,
          `${planFile(plan.incident)}: ${group} canary.verify`,
          canaryConditions(),
        );
        held = condition.evaluate(seen);
        detail = `${canary.verify} ${held ? 'holds' : 'does not hold'} for ${targets.length} canary target${targets.length > 1 ? 's' : ''}`;
      } catch (error) {
        held = false;
        detail =
          error instanceof ConditionError || error instanceof InputError ? error.message : reasonLine(error);
      }
    }
  }
  await apply((tx) =>
    recordEntry(tx, plan.incident, options, 'canary', {
      data: { plan: hash, step: group, held, detail, targets },
      subject: `canary: ${plan.incident} ${group} ${held ? 'held' : 'FAILED'}`,
      body: [detail.slice(0, 500)],
    }),
  );
  return { held, detail };
}

/** One budget a step counts towards, as its `running` entry records it. */
type BudgetUse = {
  readonly scope: string;
  /** Including this step. */
  readonly used: number;
  readonly max: number;
  readonly window: string;
};

/**
 * Counts the step against every budget of its action and, unless one is spent (`over`, in words),
 * writes its line into each budget's ledger. A step already in a ledger (a resumed run) counts once.
 */
async function spendBudgets(
  tx: Transaction,
  plan: Plan,
  step: PlanStep,
  budgets: readonly BudgetConfig[],
  at: string,
): Promise<{ uses: BudgetUse[]; writes: [string, string][]; over?: string }> {
  const uses: BudgetUse[] = [];
  const writes: [string, string][] = [];
  let over: string | undefined;
  const nowMs = Date.parse(at);
  for (const budget of budgets) {
    if (budget.action !== step.runs && budget.action !== step.action) continue;
    const per = budget.per ?? 'account';
    const account = step.target.account ?? 'an unknown account';
    const scope =
      per === 'all'
        ? budget.action
        : per === 'account'
          ? `${budget.action} in account ${account}`
          : `${budget.action} in account ${account} ${step.target.region ?? 'no region'}`;
    const file = budgetIndexFile(scope);
    const text = (await tx.readText(file)) ?? '';
    const since = nowMs - durationMs(budget.window);
    const lines = text.split('\n').filter((line) => line !== '');
    const recent = lines.filter((line) => Date.parse(line.split(' ')[1] ?? '') >= since);
    const mine = `${plan.incident} `;
    const counted = recent.some((line) => line.startsWith(mine) && line.endsWith(` ${step.id}`));
    const used = recent.length + (counted ? 0 : 1);
    if (!counted && used > budget.max) {
      over ??= `${recent.length} of ${budget.max} ${scope} within ${budget.window}`;
    }
    uses.push({ scope, used, max: budget.max, window: budget.window });
    if (!counted) {
      writes.push([
        file,
        [...lines, `${plan.incident} ${at} ${step.id}`].slice(-BUDGET_INDEX_LIMIT).join('\n').concat('\n'),
      ]);
    }
  }
  return { uses, writes, ...(over === undefined ? {} : { over }) };
}

async function undoSteps(
  apply: Apply,
  plan: Plan,
  hash: string,
  steps: readonly PlanStep[],
  options: ExecuteOptions,
  reports: StepReport[],
): Promise<void> {
  for (const step of steps) {
    const connector = await loadConnector(step.runs);
    if (connector.undo === null) continue;
    const saved = await apply((tx) => readRecord(tx, plan.incident, step.id));
    if (saved === undefined) continue;
    try {
      const outcome = await undo(connector, step.parameters, contextFor(step, plan, options), saved);
      await apply((tx) =>
        recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), {
          step,
          state: 'undone',
          data: {
            live: true,
            calls: callsOf(outcome.calls),
            detail: outcome.changed ? 'restored' : 'nothing to restore',
          },
        }),
      );
      reports.push({
        step: step.id,
        action: step.action,
        result: 'succeeded',
        detail: outcome.changed ? `undone; it was: ${outcome.state}` : `nothing to undo: ${outcome.state}`,
        calls: outcome.calls,
      });
    } catch (error) {
      const reason = reasonLine(error);
      // In the audit trail too; the step stays succeeded in the ledger, so a later `irac undo` tries again.
      await apply((tx) =>
        recordStep(tx, plan.incident, hash, options.actor, options.now().toISOString(), {
          step,
          state: 'undo-failed',
          data: { live: true, error: reason, detail: `undo failed: ${reason}` },
        }),
      );
      reports.push({
        step: step.id,
        action: step.action,
        result: 'failed',
        detail: `undo failed: ${reason}`,
        calls: [],
      });
    }
  }
}

/**
 * Takes back what the plan's succeeded steps changed, newest first (or only `only`), each recorded as
 * `undone`. Irreversible steps (evidence, notifications) are left and said so.
 */
export async function undoPlan(
  apply: Apply,
  id: string,
  options: Pick<ExecuteOptions, 'actor' | 'clients' | 'now' | 'only' | 'hold'>,
): Promise<ExecutionReport> {
  return holding({ ...options, live: true }, id, () => undoHeld(apply, id, options));
}

async function undoHeld(
  apply: Apply,
  id: string,
  options: Pick<ExecuteOptions, 'actor' | 'clients' | 'now' | 'only'>,
): Promise<ExecutionReport> {
  const loaded = await loadRecordedPlan(apply, id, 'has no plan: nothing was executed');
  const { plan, hash } = loaded;
  const selected = selectSteps(plan, options.only, '--step');
  const ledger = ledgerOf(loaded.entries, hash);
  const done = selected
    .filter((step) => ledger.get(step.id)?.state === 'succeeded')
    .sort((a, b) => (ledger.get(b.id)?.entry.seq ?? 0) - (ledger.get(a.id)?.entry.seq ?? 0));
  const reports: StepReport[] = [];
  const full = { ...options, live: true };
  for (const step of done) {
    const connector = await loadConnector(step.runs);
    if (connector.undo === null) {
      reports.push({
        step: step.id,
        action: step.action,
        result: 'skipped',
        detail: 'irreversible: left as it is',
        calls: [],
      });
      continue;
    }
    await undoSteps(apply, plan, hash, [step], full, reports);
  }
  return report(plan, hash, true, reports, reports.find((r) => r.result === 'failed')?.detail ?? null);
}

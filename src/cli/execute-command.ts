// `irac execute ID [--live] [--dry-run] [--approved-by USER --plan-hash HASH] [--only STEP...]`,
// `irac undo ID [--step STEP...]` and `irac resolve ID --note TEXT`: carry out the incident's committed
// plan (a dry run unless live), take back what it changed, close the incident.

import { createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { OperationError } from '../errors.js';
import type { AnchoredIncident } from '../forensics/anchors.js';
import {
  type Apply,
  type ExecuteOptions,
  type ExecutionReport,
  executePlan,
  undoPlan,
} from '../plan/execute.js';
import { checkNote, resolveIncident } from '../plan/resolve.js';
import { checkIncidentId, incidentDir } from '../store/layout.js';
import { anchorAfterOperations } from './anchor-command.js';
import type { CliIo } from './io.js';
import { openStore, type StoreContext } from './store-context.js';

export interface ExecuteCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly live?: boolean;
  readonly dryRun?: boolean;
  readonly approvedBy?: string;
  readonly planHash?: string;
  readonly only?: string[];
  readonly json?: boolean;
  /** After a live run, post the incident's audit head in its threads and on its ticket. */
  readonly anchor?: boolean;
}

/** Links a notification carries, from the runner's variables when irac runs in a workflow. */
function linksFor(id: string, env: NodeJS.ProcessEnv) {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!server || !repository) return undefined;
  const branch = env.GITHUB_REF_NAME || 'main';
  return {
    incident: `${server}/${repository}/blob/${branch}/${incidentDir(id)}/README.md`,
    ...(env.GITHUB_RUN_ID ? { run: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
  };
}

function bound(store: StoreContext): Apply {
  return (operation) => store.repository.apply(operation, store.publish).then((applied) => applied.result);
}

/** What the configuration asks of every live run in this clone: its budgets, and how many run at once. */
export function governance(store: StoreContext): Required<Pick<ExecuteOptions, 'budgets' | 'hold'>> {
  const { budgets, max_concurrent_playbooks: max } = store.config.settings.orchestrator;
  return { budgets, hold: (incident) => store.repository.holdExecution(incident, max) };
}

/** The run as a responder reads it: one line per step, then what waits for whom. */
export function explainExecution(run: ExecutionReport): string {
  const lines = [`${run.live ? 'live' : 'dry run'}: ${run.incident}, plan ${run.plan_sha256}`];
  for (const step of run.steps) {
    lines.push(`  - ${step.step} (${step.action}): ${step.result}${step.detail ? ` — ${step.detail}` : ''}`);
    if (step.result === 'would-run' || step.result === 'succeeded') {
      for (const call of step.calls) lines.push(`      ${call.call} ${call.target}: ${call.effect}`);
    }
  }
  if (run.waiting.length > 0) {
    lines.push(
      `waiting for approval in ${run.environment}: ${run.waiting.join(', ')} (plan ${run.plan_sha256})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The incident's committed plan carried out (or dry-run), in one batch of operations. */
export async function executeIncident(
  id: string,
  options: Omit<ExecuteCommandOptions, 'json'>,
): Promise<{ run: ExecutionReport; warnings: string[]; anchored: readonly AnchoredIncident[] }> {
  checkIncidentId(id, 'ID');
  const store = await openStore(options);
  const clients = createClients(connectorEnvironment(store.config.settings, process.env));
  const live = options.dryRun
    ? false
    : (options.live ?? false) || !store.config.settings.orchestrator.dry_run_default;
  const { result: run, warnings } = await store.repository.batch(() =>
    executePlan(bound(store), id, {
      live,
      ...(options.approvedBy !== undefined ? { approvedBy: options.approvedBy } : {}),
      ...(options.planHash !== undefined ? { planHash: options.planHash } : {}),
      ...(options.only?.length ? { only: options.only } : {}),
      actor: store.actor,
      clients,
      now: () => new Date(),
      ...(linksFor(id, process.env) ? { links: linksFor(id, process.env) } : {}),
      ...governance(store),
    }),
  );
  // A dry run reaches nothing outside the repository, anchors included.
  const anchoring =
    options.anchor && live
      ? await anchorAfterOperations(store, [id], clients)
      : { anchored: [], warnings: [] };
  return { run, warnings: [...warnings, ...anchoring.warnings], anchored: anchoring.anchored };
}

export async function executeCommand(id: string, options: ExecuteCommandOptions, io: CliIo): Promise<void> {
  const { run, warnings } = await executeIncident(id, { ...options, anchor: true });
  for (const warning of warnings) io.stderr(`irac: warning: ${warning}\n`);
  io.stdout(options.json ? `${JSON.stringify(run)}\n` : explainExecution(run));
  if (run.failure) throw new OperationError(run.failure);
}

export async function undoCommand(
  id: string,
  options: { repo?: string; config?: string; step?: string[]; json?: boolean },
  io: CliIo,
): Promise<void> {
  checkIncidentId(id, 'ID');
  const store = await openStore(options);
  const clients = createClients(connectorEnvironment(store.config.settings, process.env));
  const { result: run, warnings } = await store.repository.batch(() =>
    undoPlan(bound(store), id, {
      actor: store.actor,
      clients,
      now: () => new Date(),
      ...(options.step?.length ? { only: options.step } : {}),
      hold: governance(store).hold,
    }),
  );
  const anchoring = await anchorAfterOperations(store, [id], clients);
  for (const warning of [...warnings, ...anchoring.warnings]) io.stderr(`irac: warning: ${warning}\n`);
  io.stdout(options.json ? `${JSON.stringify(run)}\n` : explainExecution(run));
  if (run.failure) throw new OperationError(run.failure);
}

export async function resolveCommand(
  id: string,
  options: { repo?: string; config?: string; note: string },
  io: CliIo,
): Promise<void> {
  checkIncidentId(id, 'ID');
  const note = checkNote(options.note);
  const store = await openStore(options);
  const { commit } = await bound(store)((tx) =>
    resolveIncident(tx, id, { actor: store.actor, note, now: () => new Date() }),
  );
  io.stdout(
    commit ? `resolved: ${id} in ${commit.slice(0, 12)}\n` : `unchanged: ${id} is already resolved\n`,
  );
  if (!commit) return;
  const clients = createClients(connectorEnvironment(store.config.settings, process.env));
  const anchoring = await anchorAfterOperations(store, [id], clients);
  for (const warning of anchoring.warnings) io.stderr(`irac: warning: ${warning}\n`);
}

// The whole path of a security event, as the ingest workflow runs it: normalize and record the event,
// triage each incident it opened or joined, plan the routed playbook, and carry out the steps that need
// no reviewer — one commit per operation, so every stage is in the audit trail whatever happens next.
// Steps that need a reviewer stop the run; the workflow's containment job, bound to the plan's GitHub
// Environment, runs them once approved.

import { isAbsolute, relative } from 'node:path';
import type { LoadedConfig } from './config/config.js';
import { readSettings } from './config/config.js';
import type { Clients } from './connectors/clients.js';
import { InputError } from './errors.js';
import type { EventWithEvidence } from './ingest/normalize.js';
import { type Apply, type ExecuteOptions, type ExecutionReport, executePlan } from './plan/execute.js';
import { planIncident } from './plan/record.js';
import { loadPlaybooks } from './playbooks/load.js';
import type { Playbook } from './playbooks/playbook.js';
import { workingTreeFiles } from './playbooks/repo-files.js';
import { recordEvents } from './store/record.js';
import { loadTriageEngine } from './triage/engine.js';
import { triageIncident } from './triage/record.js';

/**
 * The playbooks a plan is made from. An inline playbook is named by the configuration's file, from the
 * repository root rather than from where irac runs, so its committed text can be read and the plan (and
 * its hash) is the same from anywhere.
 */
export async function planningPlaybooks(root: string, config: LoadedConfig): Promise<Playbook[]> {
  const files = workingTreeFiles(root);
  const fromRoot = config.path === undefined ? undefined : relative(root, config.path);
  const inRepository = fromRoot !== undefined && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  return loadPlaybooks(files, inRepository ? await readSettings(files, fromRoot) : config);
}

export interface PipelineContext {
  readonly root: string;
  readonly config: LoadedConfig;
  readonly actor: string;
  readonly apply: Apply;
  readonly clients: Clients;
  readonly live: boolean;
  readonly now: () => Date;
  /** Budgets and the concurrency hold, for live runs (see ExecuteOptions). */
  readonly governance?: Pick<ExecuteOptions, 'budgets' | 'hold'>;
}

export interface IncidentOutcome {
  readonly incident: string;
  readonly severity: string;
  readonly outcome: string;
  readonly playbook: string | null;
  readonly needs_approval: boolean;
  /** The GitHub Environment whose reviewers approve the waiting steps; null when nothing waits. */
  readonly environment: string | null;
  readonly plan_sha256: string | null;
  readonly execution: ExecutionReport | null;
}

export async function runPipeline(
  items: readonly EventWithEvidence[],
  context: PipelineContext,
): Promise<IncidentOutcome[]> {
  if (items.length === 0) throw new InputError('input', 'holds no security event');
  const { config, actor, apply, now } = context;
  const recorded = await apply((tx) =>
    recordEvents(tx, items, { actor, correlationWindowMs: config.correlationWindowMs, now }),
  );
  // An event already recorded was carried through the pipeline when it first came.
  const incidents = [...new Set(recorded.filter((r) => r.outcome !== 'duplicate').map((r) => r.incident))];
  if (incidents.length === 0) return [];
  const engine = await loadTriageEngine({ repoRoot: context.root, config });
  const playbooks = await planningPlaybooks(context.root, config);
  const files = workingTreeFiles(context.root);
  const outcomes: IncidentOutcome[] = [];
  for (const id of incidents) {
    const { decision } = await apply((tx) =>
      triageIncident(tx, id, { actor, rules: engine.rules, enrich: engine.enrich, now }),
    );
    if (decision.outcome !== 'routed' || decision.playbook === null) {
      outcomes.push({
        incident: id,
        severity: decision.severity,
        outcome: decision.outcome,
        playbook: decision.playbook,
        needs_approval: false,
        environment: null,
        plan_sha256: null,
        execution: null,
      });
      continue;
    }
    const { plan, hash } = await apply((tx) =>
      planIncident(tx, id, { actor, playbooks, playbookText: (file) => files.readText(file), now }),
    );
    const execution = await executePlan(apply, id, {
      live: context.live,
      actor,
      clients: context.clients,
      now,
      ...context.governance,
    });
    const waiting = execution.waiting.length > 0 || (!context.live && plan.needs_approval);
    outcomes.push({
      incident: id,
      severity: decision.severity,
      outcome: decision.outcome,
      playbook: decision.playbook,
      needs_approval: waiting,
      environment: waiting ? plan.environment : null,
      plan_sha256: hash,
      execution,
    });
  }
  return outcomes;
}

// `irac run [FILE|-] [--source NAME] [--live] [--repo DIR] [--config FILE] [--json]`: what the ingest
// workflow calls — ingest, triage, plan, and the steps that need no reviewer, in one process, one commit
// per operation. Prints, per incident, what a workflow needs next: severity, playbook, whether approval
// is needed and in which environment, and the plan's hash the approval will be bound to.

import { createClients } from '../connectors/clients.js';
import { connectorEnvironment } from '../connectors/environment.js';
import { OperationError } from '../errors.js';
import type { AnchoredIncident } from '../forensics/anchors.js';
import { DEFAULT_LIMITS } from '../ingest/documents.js';
import { normalizeWithEvidence } from '../ingest/normalize.js';
import { type IncidentOutcome, runPipeline } from '../pipeline.js';
import type { Vendor } from '../types.js';
import { anchorAfterOperations } from './anchor-command.js';
import { explainExecution, governance } from './execute-command.js';
import { type CliIo, readInput } from './io.js';
import { openStore } from './store-context.js';

export interface RunCommandOptions {
  readonly source?: Vendor;
  readonly maxBytes?: number;
  readonly live?: boolean;
  /** A dry run whatever the configuration's dry_run_default says (the Action's `live` other than 'true'). */
  readonly dryRun?: boolean;
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
  /** After a live batch, post the touched incidents' audit heads in their threads and tickets. */
  readonly anchor?: boolean;
}

export interface RunResult {
  readonly outcomes: readonly IncidentOutcome[];
  /** What the checkout's catch-up after the run had to say (see IncidentRepository.batch). */
  readonly warnings: readonly string[];
  /** The repository's working tree, where the incidents' files now are. */
  readonly root: string;
  /** The audit heads posted outside the repository (with `anchor`, after a live run). */
  readonly anchored: readonly AnchoredIncident[];
}

/** The payload, all of it validated first, carried through the pipeline in one batch of operations. */
export async function runEvents(
  input: { readonly bytes: Uint8Array; readonly name: string },
  options: RunCommandOptions,
): Promise<RunResult> {
  const limits = { ...DEFAULT_LIMITS, ...(options.maxBytes ? { maxPayloadBytes: options.maxBytes } : {}) };
  // Validated in full before the repository is touched: a rejected payload writes nothing.
  const items = [...normalizeWithEvidence(input.bytes, { source: options.source, limits, name: input.name })];
  const store = await openStore(options);
  const clients = createClients(connectorEnvironment(store.config.settings, process.env));
  const live = options.dryRun
    ? false
    : (options.live ?? false) || !store.config.settings.orchestrator.dry_run_default;
  const { result: outcomes, warnings } = await store.repository.batch(() =>
    runPipeline(items, {
      root: store.repository.root,
      config: store.config,
      actor: store.actor,
      apply: (operation) =>
        store.repository.apply(operation, store.publish).then((applied) => applied.result),
      clients,
      live,
      now: () => new Date(),
      governance: governance(store),
    }),
  );
  // A dry run reaches nothing outside the repository, anchors included.
  const anchoring =
    options.anchor && live
      ? await anchorAfterOperations(
          store,
          outcomes.map((outcome) => outcome.incident),
          clients,
        )
      : { anchored: [], warnings: [] };
  return {
    outcomes,
    warnings: [...warnings, ...anchoring.warnings],
    root: store.repository.root,
    anchored: anchoring.anchored,
  };
}

export async function runCommand(
  file: string | undefined,
  options: RunCommandOptions,
  io: CliIo,
): Promise<void> {
  const eventFile =
    file === undefined && process.env.GITHUB_EVENT_NAME === 'repository_dispatch'
      ? process.env.GITHUB_EVENT_PATH
      : undefined;
  const { outcomes, warnings } = await runEvents(await readInput(file ?? eventFile, io), {
    ...options,
    anchor: true,
  });
  for (const warning of warnings) io.stderr(`irac: warning: ${warning}\n`);
  if (options.json) {
    for (const outcome of outcomes) io.stdout(`${JSON.stringify(outcome)}\n`);
  } else {
    if (outcomes.length === 0) io.stdout('nothing new: every event was already recorded\n');
    for (const outcome of outcomes) {
      io.stdout(
        `${outcome.incident}  ${outcome.severity}  ${outcome.outcome}${outcome.playbook ? ` → ${outcome.playbook}` : ''}` +
          `  approval: ${outcome.needs_approval ? `needed in ${outcome.environment}` : 'not needed'}` +
          `${outcome.plan_sha256 ? `  plan ${outcome.plan_sha256}` : ''}\n`,
      );
      if (outcome.execution) io.stdout(explainExecution(outcome.execution));
    }
  }
  const failed = outcomes.find((outcome) => outcome.execution?.failure);
  if (failed?.execution?.failure) throw new OperationError(`${failed.incident}: ${failed.execution.failure}`);
}

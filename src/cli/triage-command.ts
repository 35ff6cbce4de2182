// `irac triage ID [--repo DIR] [--config FILE] [--json]`: enrich, score and route one incident, and
// commit the decision (triage.json, incident.yaml, an audit entry). Prints why it went where it went.

import { checkIncidentId } from '../store/layout.js';
import { loadTriageEngine } from '../triage/engine.js';
import { explainDecision } from '../triage/explain.js';
import { triageIncident } from '../triage/record.js';
import type { CliIo } from './io.js';
import { openStore } from './store-context.js';

export interface TriageCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

export async function triageCommand(id: string, options: TriageCommandOptions, io: CliIo) {
  checkIncidentId(id, 'ID');
  const { repository, config, actor, publish } = await openStore(options);
  const engine = await loadTriageEngine({ repoRoot: repository.root, config });
  const applied = await repository.apply(
    (tx) =>
      triageIncident(tx, id, { actor, rules: engine.rules, enrich: engine.enrich, now: () => new Date() }),
    publish,
  );
  for (const warning of applied.warnings) io.stderr(`irac: warning: ${warning}\n`);
  const { decision, commit } = applied.result;
  for (const reason of decision.degraded) io.stderr(`irac: warning: degraded: ${reason}\n`);
  if (options.json) {
    io.stdout(`${JSON.stringify({ ...decision, commit: commit ?? null })}\n`);
    return;
  }
  io.stdout(explainDecision(decision));
  io.stdout(
    commit === undefined
      ? '\nunchanged: this decision is already recorded\n'
      : `\nrecorded in ${commit.slice(0, 12)} on ${applied.target}\n`,
  );
}

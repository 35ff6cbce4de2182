// `irac plan ID [--repo DIR] [--config FILE] [--json]`: turn the incident's decision into the plan a
// reviewer approves — each step resolved, the API calls it makes, who must approve it — commit plan.json,
// and print it with its hash.

import { planningPlaybooks } from '../pipeline.js';
import type { Plan } from '../plan/plan.js';
import { planIncident } from '../plan/record.js';
import { workingTreeFiles } from '../playbooks/repo-files.js';
import { checkIncidentId } from '../store/layout.js';
import type { CliIo } from './io.js';
import { openStore } from './store-context.js';

export interface PlanCommandOptions {
  readonly repo?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** The plan as a reviewer reads it: what runs, where, with which calls, and what waits for whom. */
export function explainPlan(plan: Plan, hash: string): string {
  const lines = [`plan ${hash}`, `${plan.incident}: playbook ${plan.playbook.id} (${plan.playbook.file})`];
  for (const step of plan.steps) {
    if (!step.applies) {
      lines.push(`  - ${step.id} (${step.action}): skipped, ${step.skipped}`);
      continue;
    }
    const gate = step.needs_approval
      ? `waits for a reviewer in ${plan.environment}`
      : 'runs without approval';
    const where = step.target.region
      ? ` in ${step.target.account ?? "the credentials' account"}/${step.target.region}`
      : '';
    const canary = step.canary
      ? step.canary.member
        ? `, canary (${step.canary.size} of ${step.for_each?.of} first)`
        : `, after the canary (${step.canary.size} of ${step.for_each?.of}) holds`
      : '';
    const target = step.for_each ? ` [target ${step.for_each.index} of ${step.for_each.of}${canary}]` : '';
    lines.push(`  - ${step.id} (${step.action})${where}${target}: ${gate}`);
    for (const call of step.calls) lines.push(`      ${call.call} ${call.target}: ${call.effect}`);
  }
  lines.push(
    plan.needs_approval
      ? `approval: ${plan.environment}, bound to this hash`
      : 'approval: none needed (every applying step is pre-authorized or not destructive)',
  );
  return `${lines.join('\n')}\n`;
}

export async function planCommand(id: string, options: PlanCommandOptions, io: CliIo): Promise<void> {
  checkIncidentId(id, 'ID');
  const { repository, config, actor, publish } = await openStore(options);
  const files = workingTreeFiles(repository.root);
  const playbooks = await planningPlaybooks(repository.root, config);
  const applied = await repository.apply(
    (tx) =>
      planIncident(tx, id, {
        actor,
        playbooks,
        playbookText: (file) => files.readText(file),
        now: () => new Date(),
      }),
    publish,
  );
  for (const warning of applied.warnings) io.stderr(`irac: warning: ${warning}\n`);
  const { plan, hash, commit } = applied.result;
  if (options.json) {
    io.stdout(`${JSON.stringify({ plan, plan_sha256: hash, commit: commit ?? null })}\n`);
    return;
  }
  io.stdout(explainPlan(plan, hash));
  io.stdout(
    commit === undefined
      ? 'unchanged: this plan is already recorded\n'
      : `recorded in ${commit.slice(0, 12)} on ${applied.target}\n`,
  );
}

// Planning as a store operation: read the incident, its events and its committed decision as the
// transaction sees them, build the plan for the routed playbook, and write plan.json with one audit entry
// (its hash) — one commit. Re-planning an unchanged decision finds the same hash and writes nothing.
//
// A plan is only made from a playbook as committed: a playbook edited in the working tree but not yet
// committed (and so not reviewed) is refused, or an approval could be bound to text nobody reviewed.

import { sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import type { Playbook } from '../playbooks/playbook.js';
import { nextEntry } from '../store/audit.js';
import { serializeIncident } from '../store/incident.js';
import { auditFile, incidentFile, planFile, readmeFile, triageFile } from '../store/layout.js';
import { renderIncidentReadme } from '../store/readme.js';
import { auditTrailers, parseAuditEntries, readIncident } from '../store/record.js';
import type { Transaction } from '../store/transaction.js';
import type { Decision } from '../triage/decide.js';
import { readEvents } from '../triage/record.js';
import { buildPlan, type Plan, planHash, serializePlan } from './plan.js';

export interface PlanContext {
  readonly actor: string;
  readonly playbooks: readonly Playbook[];
  /** The text each playbook was loaded from (the working tree), by file. */
  readonly playbookText: (file: string) => Promise<string | undefined>;
  readonly now: () => Date;
}

export interface Planned {
  readonly plan: Plan;
  readonly hash: string;
  /** The commit that recorded it; undefined when this plan was already the incident's plan. */
  readonly commit?: string;
}

/** The incident's decision as committed, with its text (a plan records the text's hash). */
export async function readDecision(
  tx: Transaction,
  id: string,
): Promise<{ decision: Decision; text: string }> {
  const text = await tx.readText(triageFile(id));
  if (text === undefined) throw new InputError(id, 'has not been triaged: run `irac triage` first');
  return { decision: JSON.parse(text) as Decision, text };
}

/** The incident's current plan and its hash, as committed; undefined when it has none. */
export async function readPlan(
  tx: Transaction,
  id: string,
): Promise<{ plan: Plan; hash: string } | undefined> {
  const text = await tx.readText(planFile(id));
  if (text === undefined) return undefined;
  const plan = JSON.parse(text) as Plan;
  return { plan, hash: planHash(plan) };
}

export async function planIncident(tx: Transaction, id: string, context: PlanContext): Promise<Planned> {
  const incident = await readIncident(tx, id);
  if (!incident) throw new InputError(id, 'no such incident in the store');
  const { decision, text: decisionText } = await readDecision(tx, id);
  if (decision.outcome !== 'routed' || decision.playbook === null) {
    throw new InputError(
      id,
      `has nothing to plan: triage ${decision.outcome === 'routed' || decision.outcome === 'unrouted' ? 'routed it nowhere' : `${decision.outcome} it`}`,
    );
  }
  const playbook = context.playbooks.find((candidate) => candidate.id === decision.playbook);
  if (!playbook) {
    throw new InputError(
      id,
      `is routed to playbook "${decision.playbook}", which the repository no longer has`,
    );
  }
  const committed = await tx.readText(playbook.file);
  const loaded = await context.playbookText(playbook.file);
  if (committed === undefined || committed !== loaded) {
    throw new InputError(
      playbook.file,
      committed === undefined
        ? 'is not committed: a plan is made only from playbooks as reviewed and committed'
        : 'has changes that are not committed: a plan is made only from playbooks as reviewed and committed',
    );
  }
  const events = await readEvents(tx, id);
  const plan = await buildPlan({
    incident,
    events,
    decision,
    decisionText,
    playbook,
    playbookText: committed,
  });
  const hash = planHash(plan);
  const previous = await readPlan(tx, id);
  if (previous?.hash === hash) return { plan, hash };

  const at = context.now().toISOString();
  const applying = plan.steps.filter((step) => step.applies);
  const waiting = applying.filter((step) => step.needs_approval);
  const summary = `${plan.playbook.id}: ${applying.length} of ${plan.steps.length} steps${
    waiting.length > 0 ? `, ${waiting.length} waiting for ${plan.environment}` : ''
  }`;
  const updated = { ...incident, timestamps: { ...incident.timestamps, updated: at } };
  const incidentYaml = serializeIncident(updated);
  const auditText = (await tx.readText(auditFile(id))) ?? '';
  const { entry, line } = nextEntry(auditText, {
    at,
    actor: context.actor,
    action: 'plan',
    incident: id,
    data: {
      summary,
      playbook: plan.playbook.id,
      environment: plan.environment,
      needs_approval: plan.needs_approval,
      steps: applying.map((step) => step.id),
      waiting: waiting.map((step) => step.id),
      plan_sha256: hash,
      ...(previous ? { replaces: previous.hash } : {}),
      incident_sha256: sha256Hex(incidentYaml),
    },
  });
  const audit = auditText + line;
  tx.write(planFile(id), serializePlan(plan));
  tx.write(incidentFile(id), incidentYaml);
  tx.write(auditFile(id), audit);
  tx.write(readmeFile(id), renderIncidentReadme(updated, parseAuditEntries(audit)));
  const commit = await tx.commit({
    subject: `plan: ${id} ${summary}`.slice(0, 120),
    body: [`plan sha256 ${hash}`],
    trailers: auditTrailers(entry),
  });
  return { plan, hash, commit };
}

// The job summary (GITHUB_STEP_SUMMARY) a responder reads on the run's page: per incident, the decision
// with its score factor by factor, the plan with its hash and what each step will do, how to approve,
// what the run did, and the incident's timeline as a Mermaid diagram. Read from the files the run
// committed, so the page says what the repository says. Every value that came from an event is shown
// in a code span (see store/markdown.ts): the summary renders Markdown and must not render an attacker's.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentOutcome } from '../pipeline.js';
import type { ExecutionReport } from '../plan/execute.js';
import type { Plan } from '../plan/plan.js';
import { parseIncident } from '../store/incident.js';
import { auditFile, incidentFile, planFile, triageFile } from '../store/layout.js';
import { codeSpan, NOTHING, tableRow } from '../store/markdown.js';
import { auditPoint, mermaidTimeline, TIMELINE_MAX } from '../store/readme.js';
import { parseAuditEntries } from '../store/record.js';
import type { Decision } from '../triage/decide.js';

/** Where the run is seen and approved, from the runner's variables. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  return server && repository && run ? `${server}/${repository}/actions/runs/${run}` : undefined;
}

async function readJson<T>(root: string, path: string): Promise<T | undefined> {
  const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

export function decisionLines(decision: Decision): string[] {
  const { score } = decision;
  const threshold = score.threshold
    ? `≥ ${score.threshold.severity} threshold ${score.threshold.at}`
    : 'below every threshold';
  return [
    `**Severity ${decision.severity}** (the events said ${decision.event_severity}), score ${score.value.toFixed(2)} ${threshold}.`,
    '',
    `Why: ${codeSpan(decision.route.reason, 400)}`,
    '',
    tableRow(['Factor', 'Raw', 'Value', 'Weight', 'Share', 'From']),
    tableRow(['---', '---', '---:', '---:', '---:', '---']),
    ...score.factors.map((factor) =>
      tableRow([
        factor.name,
        codeSpan(String(factor.raw), 60),
        factor.normalized.toFixed(2),
        String(factor.weight),
        factor.contribution.toFixed(2),
        codeSpan(factor.why, 200),
      ]),
    ),
    ...decision.degraded.map((reason) => `\n> degraded: ${codeSpan(reason, 300)}`),
  ];
}

function planLines(plan: Plan, hash: string): string[] {
  const rows = plan.steps.map((step) => {
    const gate = !step.applies
      ? `skipped: ${codeSpan(step.skipped ?? '')}`
      : step.needs_approval
        ? `waits for a reviewer of ${codeSpan(plan.environment)}`
        : 'runs without a reviewer';
    const where = step.target.region
      ? codeSpan(`${step.target.account ?? ''}/${step.target.region}`)
      : NOTHING;
    const calls = step.calls.map((call) => codeSpan(`${call.call} ${call.target}: ${call.effect}`, 240));
    return tableRow([codeSpan(step.id), codeSpan(step.action), where, gate, calls.join('<br>') || NOTHING]);
  });
  return [
    `Playbook ${codeSpan(plan.playbook.id)} (${codeSpan(plan.playbook.file)}), plan \`${hash}\`.`,
    '',
    tableRow(['Step', 'Action', 'Where', 'Gate', 'What it does']),
    tableRow(['---', '---', '---', '---', '---']),
    ...rows,
  ];
}

function executionLines(run: ExecutionReport): string[] {
  return [
    `${run.live ? 'Live run' : 'Dry run'} of plan \`${run.plan_sha256}\`:`,
    '',
    tableRow(['Step', 'Result', 'Detail']),
    tableRow(['---', '---', '---']),
    ...run.steps.map((step) => tableRow([codeSpan(step.step), step.result, codeSpan(step.detail, 300)])),
  ];
}

function approvalLines(outcome: IncidentOutcome, env: NodeJS.ProcessEnv): string[] {
  if (!outcome.needs_approval || !outcome.environment) return [];
  const url = runUrl(env);
  return [
    '### Approval',
    '',
    `The containment steps wait for a required reviewer of the ${codeSpan(outcome.environment)} environment.` +
      (url ? ` Review this run's pending deployment: ${url}` : '') +
      ` — the approval is bound to plan \`${outcome.plan_sha256}\`: a plan changed since is refused.`,
    '',
  ];
}

async function timelineLines(root: string, id: string): Promise<string[]> {
  const [incidentText, auditText] = await Promise.all([
    readFile(join(root, incidentFile(id)), 'utf8').catch(() => undefined),
    readFile(join(root, auditFile(id)), 'utf8').catch(() => undefined),
  ]);
  if (incidentText === undefined || auditText === undefined) return [];
  const incident = parseIncident(incidentText, incidentFile(id));
  const entries = parseAuditEntries(auditText).slice(-TIMELINE_MAX);
  return [
    '### Timeline',
    '',
    '```mermaid',
    ...mermaidTimeline(`${incident.id} ${incident.title}`, entries.map(auditPoint)),
    '```',
    '',
  ];
}

/** One section per incident the run opened or joined. */
export async function runSummary(
  root: string,
  outcomes: readonly IncidentOutcome[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (outcomes.length === 0) return '## irac\n\nNothing new: every event was already recorded.\n';
  const sections: string[] = [];
  for (const outcome of outcomes) {
    const decision = await readJson<Decision>(root, triageFile(outcome.incident));
    const plan = outcome.plan_sha256 ? await readJson<Plan>(root, planFile(outcome.incident)) : undefined;
    const route = outcome.playbook ? `routed to ${codeSpan(outcome.playbook)}` : outcome.outcome;
    sections.push(
      `## ${outcome.incident} — ${route}`,
      '',
      ...(decision ? [...decisionLines(decision), ''] : []),
      ...(plan && outcome.plan_sha256 ? ['### Plan', '', ...planLines(plan, outcome.plan_sha256), ''] : []),
      ...approvalLines(outcome, env),
      ...(outcome.execution ? ['### What ran', '', ...executionLines(outcome.execution), ''] : []),
      ...(await timelineLines(root, outcome.incident)),
    );
  }
  return `${sections.join('\n')}\n`;
}

/** A containment (or undo) run: what each step did, then the timeline. */
export async function executionSummary(root: string, run: ExecutionReport, approvedBy: string | undefined) {
  return [
    `## ${run.incident} — ${run.live ? 'containment' : 'dry run'}`,
    '',
    ...(approvedBy ? [`Approved by ${codeSpan(approvedBy)} for plan \`${run.plan_sha256}\`.`, ''] : []),
    ...executionLines(run),
    '',
    ...(run.failure ? [`> stopped: ${codeSpan(run.failure, 400)}`, ''] : []),
    ...(await timelineLines(root, run.incident)),
  ].join('\n');
}

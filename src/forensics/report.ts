// `irac report ID`: the blameless post-incident review, written from the repository alone — the incident's
// files, its audit trail and the commits that wrote them — so anyone with a clone renders the same report.
// Times are the audit trail's (and the vendor's, for detection), never the clock of the machine reading it.
// Every value that came from an event, an actor or a note is shown through store/markdown.ts: the report is
// meant to be rendered by GitHub in a pull request, and must not render an attacker's Markdown.
//
// What the blameless sections derive, so a reader knows what each claims:
// - What worked: steps that succeeded and were verified, undos that restored, approvals bound to the
//   committed plan, evidence that matches the audit trail.
// - What did not: steps whose last state is `failed`, planned steps that never ran, an incident not
//   resolved, integrity problems `irac verify` found in the incident's files or commits.
// - Tooling failures: every failed step attempt, triage's degraded enrichment, dry-run steps not checked.
// - Remediation items: one per failed step, per degraded enrichment, per step a dry run could not check,
//   per integrity problem, and each item of a `remediation:` list in a resolve note.

import { sha256Hex } from '../digest.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { Plan } from '../plan/plan.js';
import type { AuditEntry } from '../store/audit.js';
import type { Git } from '../store/git.js';
import { auditFile, classifyPath, incidentDir } from '../store/layout.js';
import { codeSpan, NOTHING, tableRow } from '../store/markdown.js';
import { mermaidTimeline, TIMELINE_MAX } from '../store/readme.js';
import { parseAuditEntries } from '../store/record.js';
import type { Decision } from '../triage/decide.js';
import type { Incident } from '../types.js';
import { readableValidator } from '../validation.js';
import { incidentTimeline, type TimelineItem } from './timeline.js';
import { describeItem, timelineTable, utcCell } from './timeline-markdown.js';
import { type VerifyOptions, verifyStore } from './verify.js';

/** One file of the incident at the reported commit. */
export interface IncidentFile {
  /** Repository path. */
  readonly path: string;
  readonly bytes: Buffer;
}

export interface ReportInput {
  readonly incident: Incident;
  /** The audit trail, in chain order. */
  readonly entries: readonly AuditEntry[];
  /** incidentTimeline's items: vendor detection times and each entry with its commit. */
  readonly timeline: readonly TimelineItem[];
  /** triage.json as read: a file anyone could edit, so the report uses only the shape it checks. */
  readonly decision?: unknown;
  readonly plan?: Plan | undefined;
  readonly files: readonly IncidentFile[];
  /** The problems `irac verify` reports about this incident (its files and its commits). */
  readonly integrity: readonly string[];
}

export interface Milestone {
  readonly name: 'detected' | 'ingested' | 'triaged' | 'approved' | 'contained' | 'resolved';
  readonly at: string | null;
}

export interface Approval {
  readonly by: string;
  readonly at: string;
  readonly step: string;
  readonly plan_sha256: string;
  /** Whether the approved hash is the plan the trail last recorded. */
  readonly matches_plan: boolean;
  readonly seq: number;
  readonly commit: string | null;
}

export interface ApiCallRecord {
  readonly call: string;
  readonly target: string;
  readonly effect: string;
}

/** A step's live transition that changed or tried to change something: succeeded, failed or undone. */
export interface ActionRecord {
  readonly step: string;
  readonly action: string;
  readonly state: string;
  readonly at: string;
  readonly calls: readonly ApiCallRecord[];
  /** What verify read back, or the error. */
  readonly result: string;
  readonly seq: number;
}

export interface ManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** What the audit trail holds for it, in words: `event_sha256 of entry 1`, `rendered again`... */
  readonly recorded: string;
  /** verify's problems about this file; empty when it matches the trail. */
  readonly problems: readonly string[];
}

export type RemediationSource = 'failed step' | 'degraded enrichment' | 'dry run' | 'integrity' | 'note';

export interface RemediationItem {
  /** One line of plain text; becomes the issue's title after the incident id. */
  readonly text: string;
  readonly source: RemediationSource;
}

export interface PostIncidentReport {
  readonly incident: string;
  readonly milestones: readonly Milestone[];
  readonly approvals: readonly Approval[];
  readonly actions: readonly ActionRecord[];
  readonly manifest: readonly ManifestEntry[];
  readonly worked: readonly string[];
  readonly did_not: readonly string[];
  readonly tooling_failures: readonly string[];
  readonly remediation: readonly RemediationItem[];
  /** The report in Markdown; `postmortems/<id>.md` holds it followed by irac's hidden marker. */
  readonly markdown: string;
}

const REMEDIATION_MAX = 200;

/** The parts of a decision the report shows. */
type ReportedDecision = Pick<Decision, 'severity' | 'event_severity' | 'score' | 'route' | 'degraded'>;

const STRING = { type: 'string' } as const;
const NUMBER = { type: 'number' } as const;
// Only what the report reads, and loosely (any string for a severity): a tampered triage.json is
// `irac verify`'s to name; the report must only never crash on it nor render it as Markdown.
const REPORTED_DECISION = {
  type: 'object',
  required: ['severity', 'event_severity', 'score', 'route', 'degraded'],
  properties: {
    severity: STRING,
    event_severity: STRING,
    score: {
      type: 'object',
      required: ['value', 'factors'],
      properties: {
        value: NUMBER,
        threshold: {
          type: 'object',
          required: ['severity', 'at'],
          properties: { severity: STRING, at: NUMBER },
        },
        factors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'raw', 'normalized', 'weight', 'contribution', 'why'],
            properties: {
              name: STRING,
              raw: { type: ['string', 'number'] },
              normalized: NUMBER,
              weight: NUMBER,
              contribution: NUMBER,
              why: STRING,
            },
          },
        },
      },
    },
    route: { type: 'object', required: ['reason'], properties: { reason: STRING } },
    degraded: { type: 'array', items: STRING },
  },
};

let decisionValidator: ReturnType<typeof readableValidator> | undefined;
/** The decision, when triage.json holds the shape the report reads; undefined otherwise. */
function reportedDecision(value: unknown): ReportedDecision | undefined {
  decisionValidator ??= readableValidator(REPORTED_DECISION);
  return decisionValidator(value) ? (value as ReportedDecision) : undefined;
}

const text = (data: JsonObject, key: string): string | undefined => {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

function callsOf(value: JsonValue | undefined): ApiCallRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((call) =>
    isJsonObject(call)
      ? [
          {
            call: text(call, 'call') ?? '?',
            target: text(call, 'target') ?? '',
            effect: text(call, 'effect') ?? '',
          },
        ]
      : [],
  );
}

/** A duration as a responder reads it: `42s`, `7m 05s`, `3h 12m`, `2d 4h`. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

const utc = utcCell;

const isLive = (entry: AuditEntry) => entry.action === 'step' && entry.data.live === true;

/** Detection (the vendor's earliest time), then each first of irac's milestones, from the trail. */
export function milestonesOf(incident: Incident, entries: readonly AuditEntry[]): Milestone[] {
  const first = (test: (entry: AuditEntry) => boolean) => entries.find(test)?.at ?? null;
  const vendorTimes = entries
    .filter((entry) => entry.action === 'ingest')
    .flatMap((entry) => text(entry.data, 'timestamp') ?? [])
    .filter((at) => !Number.isNaN(Date.parse(at)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return [
    { name: 'detected', at: vendorTimes[0] ?? null },
    { name: 'ingested', at: first((entry) => entry.action === 'ingest') },
    { name: 'triaged', at: first((entry) => entry.action === 'triage') },
    {
      name: 'approved',
      at: first((entry) => isLive(entry) && text(entry.data, 'approved_by') !== undefined),
    },
    // Set by the entry of the first destructive step that succeeded; incident.yaml's every version is
    // hashed into that trail.
    { name: 'contained', at: incident.timestamps.contained },
    { name: 'resolved', at: first((entry) => entry.action === 'resolve') },
  ];
}

const lastPlanHash = (entries: readonly AuditEntry[]) =>
  entries
    .filter((entry) => entry.action === 'plan')
    .flatMap((entry) => text(entry.data, 'plan_sha256') ?? [])
    .at(-1);

export function approvalsOf(
  entries: readonly AuditEntry[],
  commits: ReadonlyMap<number, string>,
): Approval[] {
  const planned = lastPlanHash(entries);
  return entries.flatMap((entry) => {
    const by = text(entry.data, 'approved_by');
    if (!isLive(entry) || entry.data.state !== 'running' || by === undefined) return [];
    const plan = text(entry.data, 'approved_plan') ?? text(entry.data, 'plan') ?? '';
    return [
      {
        by,
        at: entry.at,
        step: text(entry.data, 'step') ?? '?',
        plan_sha256: plan,
        matches_plan: plan === planned,
        seq: entry.seq,
        commit: commits.get(entry.seq) ?? null,
      },
    ];
  });
}

export function actionsOf(entries: readonly AuditEntry[]): ActionRecord[] {
  return entries.flatMap((entry) => {
    const state = text(entry.data, 'state');
    if (!isLive(entry) || (state !== 'succeeded' && state !== 'failed' && state !== 'undone')) return [];
    return [
      {
        step: text(entry.data, 'step') ?? '?',
        action: text(entry.data, 'action') ?? '?',
        state,
        at: entry.at,
        calls: callsOf(entry.data.calls),
        result: text(entry.data, 'verified') ?? text(entry.data, 'error') ?? text(entry.data, 'detail') ?? '',
        seq: entry.seq,
      },
    ];
  });
}

/** Each step's latest live state. */
function lastStates(entries: readonly AuditEntry[]): Map<string, AuditEntry> {
  const states = new Map<string, AuditEntry>();
  for (const entry of entries) {
    const step = text(entry.data, 'step');
    if (isLive(entry) && step !== undefined && entry.data.state !== 'journal') states.set(step, entry);
  }
  return states;
}

/** The results of the latest dry run, by step. */
function lastDryRun(entries: readonly AuditEntry[]): Map<string, { result: string; detail: string }> {
  const run = entries.filter((entry) => entry.action === 'dry-run').at(-1);
  const steps = Array.isArray(run?.data.steps) ? run.data.steps : [];
  return new Map(
    steps.flatMap((step) =>
      isJsonObject(step) && text(step, 'step')
        ? [
            [
              text(step, 'step') as string,
              { result: text(step, 'result') ?? '', detail: text(step, 'detail') ?? '' },
            ],
          ]
        : [],
    ),
  );
}

/** What the trail holds for one file of the incident. */
function recordedFor(path: string, entries: readonly AuditEntry[]): string {
  const place = classifyPath(path);
  const lastWith = (test: (data: JsonObject) => boolean, key: string) => {
    const entry = entries.filter((candidate) => test(candidate.data) && text(candidate.data, key)).at(-1);
    return entry ? `${key} of entry ${entry.seq}` : 'not recorded';
  };
  switch (place.kind) {
    case 'event':
    case 'raw': {
      const key = place.kind === 'raw' ? 'raw_sha256' : 'event_sha256';
      return lastWith((data) => entries.length > 0 && data.event === place.event, key);
    }
    case 'triage':
      return lastWith(() => true, 'triage_sha256');
    case 'plan':
      return `${lastWith(() => true, 'plan_sha256')} (sha256 of its canonical JSON)`;
    case 'step':
      return lastWith((data) => data.step === place.step, 'record_sha256');
    case 'incident':
      return lastWith(() => true, 'incident_sha256');
    case 'audit':
      return `the chain itself: ${entries.length} entries, head ${entries.at(-1)?.hash.slice(0, 12) ?? 'none'}`;
    case 'readme':
      return 'rendered again from incident.yaml and audit.jsonl';
    default:
      return 'not part of the store layout';
  }
}

export function manifestOf(input: Pick<ReportInput, 'files' | 'entries' | 'integrity'>): ManifestEntry[] {
  return [...input.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => ({
      path: file.path,
      size: file.bytes.length,
      sha256: sha256Hex(file.bytes),
      recorded: recordedFor(file.path, input.entries),
      problems: input.integrity.filter(
        (problem) => problem.startsWith(`${file.path}:`) || problem.startsWith(`${file.path} `),
      ),
    }));
}

/** `remediation: text` lines, or a `remediation:` line followed by `- item` lines, in resolve notes. */
export function noteRemediation(entries: readonly AuditEntry[]): string[] {
  const items: string[] = [];
  for (const entry of entries) {
    const note = entry.action === 'resolve' ? text(entry.data, 'note') : undefined;
    if (note === undefined) continue;
    let inList = false;
    for (const line of note.split('\n').map((raw) => raw.trim())) {
      const label = /^remediation\s*:\s*(.*)$/i.exec(line);
      if (label) {
        inList = label[1] === '';
        if (!inList) items.push(label[1] as string);
        continue;
      }
      const item = /^[-*]\s+(.+)$/.exec(line);
      if (inList && item) items.push(item[1] as string);
      else inList = false;
    }
  }
  return items;
}

interface Sections {
  readonly worked: string[];
  readonly didNot: string[];
  readonly tooling: string[];
  readonly remediation: RemediationItem[];
}

/** The blameless sections, each line Markdown with every untrusted value in a code span. */
function sectionsOf(
  input: ReportInput,
  decision: ReportedDecision | undefined,
  approvals: readonly Approval[],
  actions: readonly ActionRecord[],
  manifest: readonly ManifestEntry[],
): Sections {
  const { incident, entries, plan } = input;
  const worked: string[] = [];
  const didNot: string[] = [];
  const tooling: string[] = [];
  const remediation: RemediationItem[] = [];
  const remedy = (line: string, source: RemediationSource) => {
    const cut = line.replace(/\s+/g, ' ').trim();
    if (!remediation.some((item) => item.text === cut))
      remediation.push({
        text: cut.length > REMEDIATION_MAX ? `${cut.slice(0, REMEDIATION_MAX - 1)}…` : cut,
        source,
      });
  };

  const states = lastStates(entries);
  for (const action of actions) {
    if (action.state === 'succeeded')
      worked.push(
        `${codeSpan(action.step)} (${codeSpan(action.action)}) succeeded; verified: ${codeSpan(action.result, 300)}`,
      );
    if (action.state === 'undone')
      worked.push(`${codeSpan(action.step)} was undone: ${codeSpan(action.result, 300)}`);
    if (action.state === 'failed')
      tooling.push(`${utc(action.at)}: ${codeSpan(action.step)} failed: ${codeSpan(action.result, 300)}`);
  }
  if (approvals.length > 0) {
    const bound = approvals.filter((approval) => approval.matches_plan).length;
    (bound === approvals.length ? worked : didNot).push(
      `${bound} of ${approvals.length} approvals were bound to the plan the trail recorded`,
    );
  }
  for (const [step, entry] of states) {
    if (entry.data.state !== 'failed') continue;
    const error = text(entry.data, 'error') ?? 'no reason recorded';
    didNot.push(
      `${codeSpan(step)} (${codeSpan(text(entry.data, 'action') ?? '?')}) ended failed: ${codeSpan(error, 300)}`,
    );
    remedy(`Fix why step ${step} (${text(entry.data, 'action') ?? '?'}) failed: ${error}`, 'failed step');
  }
  const dryRun = lastDryRun(entries);
  for (const step of plan?.steps ?? []) {
    if (!step.applies || states.has(step.id)) continue;
    const last = dryRun.get(step.id);
    didNot.push(
      `${codeSpan(step.id)} (${codeSpan(step.action)}) never ran live${last ? ` (last dry run: ${last.result})` : ''}`,
    );
  }
  for (const [step, { detail }] of dryRun) {
    if (dryRun.get(step)?.result !== 'not-checked') continue;
    tooling.push(`the dry run could not check ${codeSpan(step)}: ${codeSpan(detail, 300)}`);
    remedy(`Make step ${step} checkable in a dry run: ${detail}`, 'dry run');
  }
  const degraded = new Set([
    ...(decision?.degraded ?? []),
    ...entries.flatMap((entry) =>
      entry.action === 'triage' && Array.isArray(entry.data.degraded)
        ? entry.data.degraded.filter((reason): reason is string => typeof reason === 'string')
        : [],
    ),
  ]);
  for (const reason of degraded) {
    tooling.push(`triage enrichment degraded: ${codeSpan(reason, 300)}`);
    remedy(`Restore triage enrichment: ${reason}`, 'degraded enrichment');
  }
  if (incident.status !== 'resolved') didNot.push(`the incident is still ${incident.status}`);
  if (input.integrity.length === 0 && manifest.length > 0) {
    worked.push(`all ${manifest.length} files of the incident match what the audit trail recorded`);
  }
  for (const problem of input.integrity) {
    didNot.push(`integrity: ${codeSpan(problem, 300)}`);
    remedy(`Investigate an integrity problem: ${problem}`, 'integrity');
  }
  for (const item of noteRemediation(entries)) remedy(item, 'note');
  return { worked, didNot, tooling, remediation };
}

function milestoneLines(milestones: readonly Milestone[]): string[] {
  const at = (name: Milestone['name']) => milestones.find((milestone) => milestone.name === name)?.at ?? null;
  const since = (from: string | null, to: string | null) =>
    from === null || to === null ? NOTHING : formatDuration(Date.parse(to) - Date.parse(from));
  return [
    tableRow(['Milestone', 'At (UTC)', 'Since detection', 'Since ingest']),
    tableRow(['---', '---', '---:', '---:']),
    ...milestones.map((milestone) =>
      tableRow([
        milestone.name,
        utc(milestone.at),
        since(at('detected'), milestone.at),
        milestone.name === 'detected' ? NOTHING : since(at('ingested'), milestone.at),
      ]),
    ),
  ];
}

// Journal entries are the executor's bookkeeping (the record before a change); the report's timeline
// shows what happened, and the audit trail keeps every entry.
const shownInTimeline = (item: TimelineItem) => item.data.state !== 'journal';

function timelineLines(incident: Incident, timeline: readonly TimelineItem[]): string[] {
  const items = timeline.filter(shownInTimeline);
  const charted = items.slice(-TIMELINE_MAX);
  return [
    '```mermaid',
    ...mermaidTimeline(
      `${incident.id} ${incident.title}`,
      charted.map((item) => ({ at: item.at, text: `${item.what} - ${describeItem(item)}` })),
    ),
    '```',
    '',
    ...(charted.length < items.length
      ? [`The chart shows the last ${charted.length} of ${items.length} items.`, '']
      : []),
    ...timelineTable(items),
  ];
}

/** Why triage decided as it did; every value from triage.json in a code span or formatted as a number. */
function decisionLines(triaged: unknown): string[] {
  if (triaged === undefined) return ['The incident was not triaged.'];
  const decision = reportedDecision(triaged);
  if (!decision)
    return ['`triage.json` does not hold a decision in the shape irac writes; see the evidence manifest.'];
  const { score } = decision;
  const threshold = score.threshold
    ? `≥ ${codeSpan(score.threshold.severity)} threshold ${score.threshold.at}`
    : 'below every threshold';
  return [
    `**Severity ${codeSpan(decision.severity)}** (the events said ${codeSpan(decision.event_severity)}), score ${score.value.toFixed(2)} ${threshold}.`,
    '',
    `Why: ${codeSpan(decision.route.reason, 400)}`,
    '',
    tableRow(['Factor', 'Raw', 'Value', 'Weight', 'Share', 'From']),
    tableRow(['---', '---', '---:', '---:', '---:', '---']),
    ...score.factors.map((factor) =>
      tableRow([
        codeSpan(factor.name),
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

function approvalLines(approvals: readonly Approval[]): string[] {
  if (approvals.length === 0) return ["No step needed or received a reviewer's approval."];
  return [
    tableRow(['Who', 'When (UTC)', 'Step', 'Plan hash', 'Bound to the recorded plan', 'Commit']),
    tableRow(['---', '---', '---', '---', '---', '---']),
    ...approvals.map((approval) =>
      tableRow([
        codeSpan(approval.by),
        utc(approval.at),
        codeSpan(approval.step),
        codeSpan(approval.plan_sha256),
        approval.matches_plan ? 'yes' : '**no**',
        approval.commit ? `\`${approval.commit.slice(0, 12)}\`` : NOTHING,
      ]),
    ),
  ];
}

function actionLines(actions: readonly ActionRecord[], milestones: readonly Milestone[]): string[] {
  if (actions.length === 0) return ['No step ran live.'];
  const ingested = milestones.find((milestone) => milestone.name === 'ingested')?.at ?? null;
  return [
    tableRow(['When (UTC)', 'Since ingest', 'Step', 'Action', 'State', 'API calls', 'Result']),
    tableRow(['---', '---:', '---', '---', '---', '---', '---']),
    ...actions.map((action) =>
      tableRow([
        utc(action.at),
        ingested === null ? NOTHING : formatDuration(Date.parse(action.at) - Date.parse(ingested)),
        codeSpan(action.step),
        codeSpan(action.action),
        action.state,
        action.calls
          .map((call) => codeSpan(`${call.call} ${call.target}: ${call.effect}`, 240))
          .join('<br>') || NOTHING,
        codeSpan(action.result, 300),
      ]),
    ),
  ];
}

function manifestLines(manifest: readonly ManifestEntry[]): string[] {
  return [
    tableRow(['File', 'Bytes', 'sha256', 'Recorded as', 'Verified']),
    tableRow(['---', '---:', '---', '---', '---']),
    ...manifest.map((file) =>
      tableRow([
        codeSpan(file.path.split('/').slice(4).join('/')),
        String(file.size),
        `\`${file.sha256}\``,
        file.recorded,
        file.problems.length === 0
          ? 'ok'
          : file.problems.map((problem) => codeSpan(problem, 300)).join('<br>'),
      ]),
    ),
  ];
}

const bullets = (lines: readonly string[], none: string) =>
  lines.length === 0 ? [none] : lines.map((line) => `- ${line}`);

function summaryLines(input: ReportInput): string[] {
  const { incident } = input;
  const list = (values: readonly string[]) =>
    values.length === 0 ? NOTHING : values.map((value) => codeSpan(value)).join(', ');
  return [
    tableRow(['Field', 'Value']),
    tableRow(['---', '---']),
    tableRow(['Status', incident.status]),
    tableRow(['Severity', incident.severity]),
    tableRow(['Score', incident.score === null ? NOTHING : incident.score.toFixed(2)]),
    tableRow(['Decision', incident.decision ?? NOTHING]),
    tableRow(['Playbook', incident.playbook === null ? NOTHING : codeSpan(incident.playbook)]),
    tableRow(['Events', String(incident.events)]),
    tableRow(['Vendors', list(incident.vendors)]),
    tableRow(['Kinds', list(incident.kinds)]),
    tableRow(['Resources', list(incident.resources)]),
    tableRow(['Actors', list(incident.actors)]),
    tableRow(['Accounts', list(incident.accounts)]),
  ];
}

/** The report, from the incident's files and trail; the same input renders the same bytes. */
export function buildReport(input: ReportInput): PostIncidentReport {
  const { incident, entries, timeline } = input;
  const commits = new Map(
    timeline.flatMap((item) =>
      item.seq !== undefined && item.commit ? [[item.seq, item.commit] as const] : [],
    ),
  );
  const milestones = milestonesOf(incident, entries);
  const approvals = approvalsOf(entries, commits);
  const actions = actionsOf(entries);
  const manifest = manifestOf(input);
  const sections = sectionsOf(input, reportedDecision(input.decision), approvals, actions, manifest);
  const lastCommit = entries.length > 0 ? commits.get(entries.at(-1)?.seq ?? 0) : undefined;
  const lines = [
    `# Post-incident report: ${incident.id} — ${codeSpan(incident.title)}`,
    '',
    `> Generated by \`irac report ${incident.id}\` from \`${incidentDir(incident.id)}/\` and its audit trail` +
      (lastCommit ? ` as of commit \`${lastCommit.slice(0, 12)}\`` : '') +
      ". Blameless: it says what happened and what the tooling did, not who is at fault. Times are UTC; detection is the vendor's clock, the rest irac's audit trail.",
    '',
    '## Summary',
    '',
    ...summaryLines(input),
    '',
    '## Durations',
    '',
    ...milestoneLines(milestones),
    '',
    '## Timeline',
    '',
    ...timelineLines(incident, timeline),
    '',
    '## The decision and why',
    '',
    ...decisionLines(input.decision),
    '',
    '## Approvals',
    '',
    ...approvalLines(approvals),
    '',
    '## Actions',
    '',
    ...actionLines(actions, milestones),
    '',
    '## Evidence manifest',
    '',
    `Every file of the incident, its sha256, and what the audit trail recorded for it, checked by \`irac verify\`${input.integrity.length === 0 ? ': all match' : `: **${input.integrity.length} problem${input.integrity.length === 1 ? '' : 's'}**`}.`,
    '',
    ...manifestLines(manifest),
    '',
    '## What worked',
    '',
    ...bullets(sections.worked, '_Nothing recorded worked: no step succeeded._'),
    '',
    '## What did not',
    '',
    ...bullets(sections.didNot, '_Nothing recorded went wrong._'),
    '',
    '## Tooling failures',
    '',
    ...bullets(
      sections.tooling,
      '_None: no step attempt failed, enrichment was complete, the dry run checked every step._',
    ),
    '',
    '## Remediation items',
    '',
    ...bullets(
      sections.remediation.map((item) => `${codeSpan(item.text, REMEDIATION_MAX)} (${item.source})`),
      '_None derived, and no `remediation:` list in a resolve note._',
    ),
  ];
  return {
    incident: incident.id,
    milestones,
    approvals,
    actions,
    manifest,
    worked: sections.worked,
    did_not: sections.didNot,
    tooling_failures: sections.tooling,
    remediation: sections.remediation,
    markdown: `${lines.join('\n')}\n`,
  };
}

/**
 * What the report is built from, read at HEAD: the timeline (which checks the id), every file under the
 * incident's directory, and the problems `irac verify` finds that name the incident. Verify walks the
 * whole store, as it must to see a commit that touched the incident from outside.
 */
export async function readReportInput(git: Git, id: string, verify: VerifyOptions): Promise<ReportInput> {
  const { incident, items } = await incidentTimeline(git, id);
  const head = (await git.resolveCommit('HEAD')) as string;
  const listing = await git.run([
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    head,
    '--',
    `${incidentDir(incident.id)}/`,
  ]);
  const objects = await git.objects();
  const files: IncidentFile[] = [];
  try {
    for (const record of listing.stdout.split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      const sha = record.slice(0, tab).split(' ')[2] ?? '';
      files.push({ path: record.slice(tab + 1), bytes: (await objects.readBlob(sha)) ?? Buffer.alloc(0) });
    }
  } finally {
    await objects.close();
  }
  const document = <T>(name: string): T | undefined => {
    const file = files.find((candidate) => candidate.path === `${incidentDir(incident.id)}/${name}`);
    try {
      return file ? (JSON.parse(file.bytes.toString('utf8')) as T) : undefined;
    } catch {
      return undefined; // verify reports the file
    }
  };
  const audit = files.find((file) => file.path === auditFile(incident.id))?.bytes.toString('utf8') ?? '';
  const { problems } = await verifyStore(git, verify);
  return {
    incident,
    entries: parseAuditEntries(audit),
    timeline: items,
    decision: document<unknown>('triage.json'),
    plan: document<Plan>('plan.json'),
    files,
    integrity: problems.filter((problem) => problem.includes(incident.id)),
  };
}

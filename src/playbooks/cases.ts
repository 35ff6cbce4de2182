// Playbook test cases, kept next to the playbooks (playbooks/tests/<name>.yaml): an event as a vendor
// sends it, and what the repository's triage and playbooks must make of it — the route, the severity,
// whether a reviewer must approve and in which GitHub Environment, and the plan's steps with their
// parameters and API calls. A playbook pull request that changes any of it fails `irac test`.
//
// A case runs the code the store runs, without the store: the payload is normalized, made into an
// incident as ingest makes one (store/incident.ts), enriched from the repository's own asset registry and
// feeds, decided (triage/decide.ts) with no history, and planned (plan/plan.ts) from the decision as
// triage.json records it. Network sources (an HTTP registry, AbuseIPDB) are left out and reported
// skipped: a check on a pull request must not depend on a service being up, nor spend its quota.
// Nothing is written anywhere.

import type { LoadedConfig } from '../config/config.js';
import { PATTERN_PHRASES } from '../config/config.js';
import { type LocatedYaml, type Location, parseLocatedYaml } from '../config/located-yaml.js';
import { type PatternPhrases, schemaProblem } from '../config/schema-problems.js';
import { canonicalJson } from '../digest.js';
import { InputError } from '../errors.js';
import { displayText, quoteForMessage } from '../ingest/display.js';
import { normalizeInput } from '../ingest/normalize.js';
import { planningPlaybooks } from '../pipeline.js';
import { buildPlan, type Plan, type PlanStep } from '../plan/plan.js';
import { addEvent, openIncident } from '../store/incident.js';
import { type Decision, decide, type Outcome, type TriageRules } from '../triage/decide.js';
import { type LoadedTriage, loadTriageEngine } from '../triage/engine.js';
import type { PastIncidents } from '../triage/history.js';
import type {
  Incident,
  PlaybookTestCase,
  PlaybookTestExpectation,
  PlaybookTestFile,
  PlaybookTestStep,
  SecurityEvent,
  Severity,
} from '../types.js';
import { playbookTestValidator } from '../validation.js';
import { CASES_DIR, isPlaybookFileName } from './load.js';
import type { Playbook } from './playbook.js';
import { type RepoFiles, workingTreeFiles } from './repo-files.js';

/** A case's incident has no past: what a case checks must not depend on the incidents of the day. */
const NO_HISTORY: PastIncidents = { fingerprints: [], resources: [], actors: [] };

const PHRASES: PatternPhrases = {
  ...PATTERN_PHRASES,
  name: 'a name of at most 200 characters without control characters',
  id: PATTERN_PHRASES.slug ?? 'an id',
  playbook: PATTERN_PHRASES.slug ?? 'an id',
  event_file: PATTERN_PHRASES.repoPath ?? 'a path inside the repository',
  now: 'an instant with its zone, like "2026-03-02T08:20:00Z"',
};

/** One case, ready to run: its events normalized, its time fixed. */
export interface PlaybookCase {
  /** The case file, relative to the repository root. */
  readonly file: string;
  readonly name: string;
  /** `file:line:col` of the case. */
  readonly where: string;
  /** When the incident is recorded, triaged and planned. */
  readonly now: Date;
  /** The incident's events, in the order they were received. */
  readonly events: readonly SecurityEvent[];
  readonly expect: PlaybookTestExpectation;
}

export interface CaseSelection {
  /** File names (with or without `.yaml`, or the path) and case names; every case when empty. */
  readonly names: readonly string[];
  /** The time of cases that do not fix their own. */
  readonly now: Date;
}

/**
 * The id of every case's incident. The store draws ids at random; a case's must be the same every run,
 * or a parameter holding it (a ticket's labels) could not be expected. `testcase` is Crockford base32.
 */
export function caseIncidentId(now: Date): string {
  return `IR-${now.toISOString().slice(0, 10).replaceAll('-', '')}-testcase`;
}

/** The file parsed and checked against schemas/playbook-test.schema.json; the first problem thrown. */
function parseCaseFile(text: string, file: string): { yaml: LocatedYaml; value: PlaybookTestFile } {
  const yaml = parseLocatedYaml(text, file);
  if (yaml.value === null || yaml.value === undefined) {
    throw new InputError(`${file}:1:1`, 'is empty: a case file holds `cases:`, a list of cases');
  }
  const validate = playbookTestValidator();
  if (!validate(yaml.value)) {
    const problems = (validate.errors ?? []).flatMap((error) => {
      const problem = schemaProblem(error, PHRASES, 'the case file');
      return problem ? [{ at: yaml.locate(problem.path, problem.key), what: problem.what }] : [];
    });
    const [first] = problems.sort((a, b) => a.at.offset - b.at.offset);
    throw new InputError(first?.at.where ?? `${file}:1:1`, first?.what ?? 'is not a valid case file');
  }
  const value = yaml.value;
  const seen = new Map<string, number>();
  for (const [index, testCase] of value.cases.entries()) {
    const at = yaml.locate(['cases', index, 'name']);
    const first = seen.get(testCase.name);
    if (first !== undefined) {
      throw new InputError(
        at.where,
        `duplicate case name ${quoteForMessage(testCase.name)} (first at line ${first})`,
      );
    }
    seen.set(testCase.name, at.line);
    const payloads = ['event', 'event_file'].filter((key) => key in testCase);
    if (payloads.length !== 1) {
      throw new InputError(
        yaml.locate(['cases', index]).where,
        payloads.length === 0
          ? `case ${quoteForMessage(testCase.name)} has no event: give the payload inline (event) or in a file (event_file)`
          : `case ${quoteForMessage(testCase.name)} has both event and event_file: give one`,
      );
    }
  }
  return { yaml, value };
}

function instant(text: string, at: Location): Date {
  const ms = Date.parse(text);
  // Date.parse takes February 30 for March 2; the day as written must be one the calendar has.
  const day = text.slice(0, 10);
  const real = new Date(Date.parse(`${day}T00:00:00Z`)).toISOString().startsWith(day);
  if (Number.isNaN(ms) || !real) throw new InputError(at.where, `now ${quoteForMessage(text)} is not a time`);
  return new Date(ms);
}

/** The case's payload bytes, the name normalize's errors give them, and where the case names them. */
async function payloadOf(
  files: RepoFiles,
  testCase: PlaybookTestCase,
  at: (key: string) => Location,
): Promise<{ bytes: Uint8Array; name: string; at: Location }> {
  if (testCase.event_file === undefined) {
    const { event } = testCase;
    const text = typeof event === 'string' ? event : JSON.stringify(event);
    return { bytes: Buffer.from(text, 'utf8'), name: 'event', at: at('event') };
  }
  const path = testCase.event_file;
  const where = at('event_file');
  // Read as the repository's other files are: inside it, no symbolic link, at most MAX_FILE_BYTES.
  let text: string | undefined;
  try {
    text = await files.readText(path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(where.where, `event_file ${quoteForMessage(path)} ${error.what}`);
  }
  if (text === undefined)
    throw new InputError(where.where, `event_file ${quoteForMessage(path)}: no such file`);
  return { bytes: Buffer.from(text, 'utf8'), name: path, at: where };
}

async function resolveCase(
  files: RepoFiles,
  file: string,
  yaml: LocatedYaml,
  index: number,
  runNow: Date,
): Promise<PlaybookCase> {
  const testCase = (yaml.value as PlaybookTestFile).cases[index] as PlaybookTestCase;
  const at = (key: string) => yaml.locate(['cases', index, key]);
  const now = testCase.now === undefined ? runNow : instant(testCase.now, at('now'));
  const payload = await payloadOf(files, testCase, at);
  const label = `case ${quoteForMessage(testCase.name)}`;
  let events: SecurityEvent[];
  try {
    events = normalizeInput(payload.bytes, {
      source: testCase.source,
      name: payload.name,
      receivedAt: now.toISOString(),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(payload.at.where, `${label}: ${error.message}`);
  }
  // The store records an event id once, and joins events of one fingerprint into one incident.
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const fingerprints = new Set(unique.map((event) => event.fingerprint));
  if (fingerprints.size > 1) {
    throw new InputError(
      payload.at.where,
      `${label}: its events would open ${fingerprints.size} incidents (they differ in vendor, kind, resource or actor); a case is one incident`,
    );
  }
  return {
    file,
    name: testCase.name,
    where: yaml.locate(['cases', index]).where,
    now,
    events: unique,
    expect: testCase.expect,
  };
}

/** A case file's text; what keeps it from being read (too large, a link) is its problem at line 1. */
async function readCaseFile(files: RepoFiles, file: string): Promise<string | undefined> {
  try {
    return await files.readText(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`${file}:1:1`, error.what);
  }
}

/** Whether NAME selects the case file `file`: its path, its name, or its name without `.yaml`. */
function selectsFile(name: string, file: string): boolean {
  const base = file.slice(CASES_DIR.length + 1);
  return name === file || name === base || name === base.replace(/\.ya?ml$/, '');
}

/**
 * The cases of the repository's case files that `selection` names, in file order. Every file is
 * checked, selected or not; the first problem is thrown as an InputError at its `file:line:col`.
 */
export async function loadCases(files: RepoFiles, selection: CaseSelection): Promise<PlaybookCase[]> {
  const cases: PlaybookCase[] = [];
  const used = new Set<string>();
  for (const name of (await files.list(CASES_DIR)).filter(isPlaybookFileName)) {
    const file = `${CASES_DIR}/${name}`;
    const text = await readCaseFile(files, file);
    if (text === undefined) continue;
    const { yaml, value } = parseCaseFile(text, file);
    const byFile = selection.names.filter((wanted) => selectsFile(wanted, file));
    for (const wanted of byFile) used.add(wanted);
    for (const [index, testCase] of value.cases.entries()) {
      const byName = selection.names.includes(testCase.name);
      if (byName) used.add(testCase.name);
      if (selection.names.length === 0 || byFile.length > 0 || byName) {
        cases.push(await resolveCase(files, file, yaml, index, selection.now));
      }
    }
  }
  const unknown = selection.names.find((wanted) => !used.has(wanted));
  if (unknown !== undefined) {
    throw new InputError(quoteForMessage(unknown), `names no case file in ${CASES_DIR}/ and no case in one`);
  }
  return cases;
}

/** What cases are decided and planned with: the repository's rules, registries, feeds and playbooks. */
export interface CaseBench {
  readonly rules: TriageRules;
  readonly enrich: LoadedTriage['enrich'];
  readonly playbooks: readonly Playbook[];
  readonly playbookText: (file: string) => Promise<string | undefined>;
}

export async function caseBench(root: string, config: LoadedConfig): Promise<CaseBench> {
  const engine = await loadTriageEngine({ repoRoot: root, config, localOnly: true });
  const files = workingTreeFiles(root);
  return {
    rules: engine.rules,
    enrich: engine.enrich,
    playbooks: await planningPlaybooks(root, config),
    playbookText: (file) => files.readText(file),
  };
}

/** What became of a case's event, in the terms a case expects. */
export interface CaseOutcome {
  readonly outcome: Outcome;
  readonly playbook: string | null;
  readonly severity: Severity;
  /** Whether an applying step of the plan waits for a reviewer. */
  readonly needs_approval: boolean;
  /** The GitHub Environment that approves the waiting steps; null when nothing waits. */
  readonly environment: string | null;
  /** Why triage decided so: the trigger that held, the suppression, the default route. */
  readonly reason: string;
  /** Sources that failed and triggers that could not be evaluated. */
  readonly degraded: readonly string[];
  /** The plan of the routed playbook; null when nothing was routed. */
  readonly plan: Plan | null;
}

/** The incident as triage leaves it (triage/record.ts), which is what planning reads. */
function triagedIncident(incident: Incident, decision: Decision, at: string): Incident {
  return {
    ...incident,
    status: 'triaged',
    severity: decision.severity,
    score: decision.score.value,
    playbook: decision.playbook,
    decision: decision.outcome,
    timestamps: { ...incident.timestamps, triaged: at, updated: at },
  };
}

/** Records, triages and plans the case's incident as `irac run` would, in memory. */
export async function triageAndPlan(bench: CaseBench, testCase: PlaybookCase): Promise<CaseOutcome> {
  const { events, now } = testCase;
  const at = now.toISOString();
  const [first, ...rest] = events;
  if (!first) throw new InputError(testCase.where, 'holds no security event');
  const incident = rest.reduce(
    (joined, event) => addEvent(joined, event, at),
    openIncident(caseIncidentId(now), first, at),
  );
  const enrichment = await bench.enrich(events, incident);
  const decision = decide({ incident, events, enrichment, history: NO_HISTORY, now }, bench.rules);
  const outcome = {
    outcome: decision.outcome,
    playbook: decision.playbook,
    severity: decision.severity,
    reason: decision.route.reason,
    degraded: decision.degraded,
  };
  if (decision.outcome !== 'routed' || decision.playbook === null) {
    return { ...outcome, needs_approval: false, environment: null, plan: null };
  }
  const playbook = bench.playbooks.find((candidate) => candidate.id === decision.playbook);
  if (!playbook) {
    throw new InputError(
      testCase.where,
      `is routed to playbook "${decision.playbook}", which could not be loaded`,
    );
  }
  // Planning reads the decision back from triage.json: the plan is made from that text, as in the store.
  const decisionText = `${JSON.stringify(decision, null, 2)}\n`;
  const plan = await buildPlan({
    incident: triagedIncident(incident, decision, at),
    events,
    decision: JSON.parse(decisionText) as Decision,
    decisionText,
    playbook,
    playbookText: (await bench.playbookText(playbook.file)) ?? '',
  });
  return {
    ...outcome,
    needs_approval: plan.needs_approval,
    environment: plan.needs_approval ? plan.environment : null,
    plan,
  };
}

/** A value in a one-line message: as JSON (strings quoted, controls escaped), neutralized and bounded. */
function shown(value: unknown, max = 160): string {
  return displayText(JSON.stringify(value) ?? String(value), max) ?? '?';
}

function differs(subject: string, expected: unknown, got: unknown): string | undefined {
  return canonicalJson(expected) === canonicalJson(got)
    ? undefined
    : `${subject}: expected ${shown(expected)}, got ${shown(got)}`;
}

function stepDifferences(expected: PlaybookTestStep, step: PlanStep): string[] {
  const found: string[] = [];
  const subject = `step ${expected.id}`;
  const why = step.skipped ? ` (${step.skipped})` : '';
  if (expected.applies !== undefined && expected.applies !== step.applies) {
    found.push(`${subject} applies: expected ${expected.applies}, got ${step.applies}${why}`);
  }
  if (expected.needs_approval !== undefined && expected.needs_approval !== step.needs_approval) {
    found.push(`${subject} needs_approval: expected ${expected.needs_approval}, got ${step.needs_approval}`);
  }
  for (const key of ['region', 'account'] as const) {
    if (expected[key] === undefined) continue;
    const difference = differs(`${subject} ${key}`, expected[key], step.target[key]);
    if (difference) found.push(difference);
  }
  for (const [key, value] of Object.entries(expected.parameters ?? {})) {
    if (step.parameters === null) {
      found.push(
        `${subject} parameter ${key}: expected ${shown(value)}, got none: the step does not apply${why}`,
      );
    } else if (!Object.hasOwn(step.parameters, key)) {
      found.push(`${subject} parameter ${key}: expected ${shown(value)}, got none`);
    } else {
      const difference = differs(`${subject} parameter ${key}`, value, step.parameters[key]);
      if (difference) found.push(difference);
    }
  }
  for (const call of expected.calls ?? []) {
    if (!step.calls.some((made) => made.call === call.call && made.target === call.target)) {
      const made = step.calls.map((c) => `${c.call} on ${c.target}`).join(', ');
      found.push(
        `${subject}: expected a call ${shown(call.call)} on ${shown(call.target)}, got ${displayText(made, 300) ?? 'no calls'}${why}`,
      );
    }
  }
  return found;
}

/** What differs in the plan's steps: each listed step, and with steps_exact the list itself. */
function planDifferences(expect: PlaybookTestExpectation, got: CaseOutcome): string[] {
  const steps = expect.steps ?? [];
  if (steps.length === 0 && !expect.steps_exact) return [];
  if (got.plan === null) return [`steps: expected a plan, got none (${got.outcome})`];
  const { playbook, steps: planned } = got.plan;
  const found: string[] = [];
  for (const expected of steps) {
    const step = planned.find((candidate) => candidate.id === expected.id);
    if (step) found.push(...stepDifferences(expected, step));
    else found.push(`step ${expected.id}: expected in the plan of ${playbook.id}, got none`);
  }
  const [want, have] = [steps.map((step) => step.id), planned.map((step) => step.id)];
  if (expect.steps_exact && want.join('\n') !== have.join('\n')) {
    found.push(`steps: expected ${shown(want, 1000)}, got ${shown(have, 1000)}`);
  }
  return found;
}

/** What differs between a case's expectation and its outcome, one sentence each; [] when it passes. */
export function caseDifferences(expect: PlaybookTestExpectation, got: CaseOutcome): string[] {
  const found: string[] = [];
  const routing = [
    differs('outcome', expect.outcome, got.outcome),
    expect.playbook === undefined ? undefined : differs('playbook', expect.playbook, got.playbook),
  ].filter((difference) => difference !== undefined);
  // A wrong route is the failure that matters; why triage chose it is what the reader needs next.
  if (routing.length > 0) found.push(...routing, `why: ${displayText(got.reason, 400) ?? 'unknown'}`);
  for (const key of ['severity', 'needs_approval', 'environment'] as const) {
    if (expect[key] === undefined) continue;
    const difference = differs(key, expect[key], got[key]);
    if (difference) found.push(difference);
  }
  // The steps of another playbook than the one expected say nothing the route has not said.
  if (routing.length === 0) found.push(...planDifferences(expect, got));
  if (found.length > 0 && got.degraded.length > 0) {
    found.push(`decision degraded: ${displayText(got.degraded.join('; '), 400) ?? 'unknown'}`);
  }
  return found;
}

export interface CaseResult {
  readonly case: PlaybookCase;
  readonly got: CaseOutcome;
  /** What differs from the expectation; empty when the case passes. */
  readonly differences: readonly string[];
}

export async function runCase(bench: CaseBench, testCase: PlaybookCase): Promise<CaseResult> {
  const got = await triageAndPlan(bench, testCase);
  return { case: testCase, got, differences: caseDifferences(testCase.expect, got) };
}

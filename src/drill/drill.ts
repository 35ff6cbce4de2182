// Drills, drills/<name>.yaml (schemas/drill.schema.json): a realistic attack as its events, the stages a
// team lives through — the ingest workflow's run, a reviewer's approval, the containment job — and what
// must come of it. This module reads and checks them; src/drill/score.ts scores what a run observed, and
// `irac drill` (src/cli/drill-command.ts) runs them against the loopback services of src/sim/world.ts.
//
// A drill file is text anyone may propose in a pull request: it is parsed as the configuration is
// (src/config/located-yaml.ts), validated against its schema, and its first problem refused in one line at
// the file, line and column where it is written.

import type { ValidateFunction } from 'ajv/dist/2020.js';
import drillSchema from '../../schemas/drill.schema.json' with { type: 'json' };
import { PATTERN_PHRASES } from '../config/config.js';
import { type LocatedYaml, type Location, parseLocatedYaml } from '../config/located-yaml.js';
import { type PatternPhrases, schemaProblem } from '../config/schema-problems.js';
import { InputError } from '../errors.js';
import { quoteForMessage } from '../ingest/display.js';
import type { JsonPath, JsonValue } from '../json.js';
import type { StepReport } from '../plan/execute.js';
import { isPlaybookFileName } from '../playbooks/load.js';
import type { RepoFiles } from '../playbooks/repo-files.js';
import { readableValidator } from '../validation.js';

export const DRILLS_DIR = 'drills';

/** What a step's last run did, as the executor reports it. */
export type StepResult = StepReport['result'];

export type DrillStage =
  | { readonly run: { readonly live?: boolean } }
  | { readonly approve: { readonly by: string; readonly environment: string } }
  | { readonly execute: { readonly live?: boolean } };

export interface InstanceExpectation {
  readonly id: string;
  readonly security_groups?: readonly string[];
  readonly instance_profile?: string | null;
  readonly metadata?: 'enabled' | 'disabled';
  readonly termination_protection?: boolean;
  readonly shutdown?: 'stop' | 'terminate';
  readonly auto_scaling?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly snapshots?: number;
}

export type KeyStatus = 'Active' | 'Inactive';

export interface UserExpectation {
  readonly name: string;
  readonly access_keys?: KeyStatus | Readonly<Record<string, KeyStatus>>;
  readonly inline_policies?: readonly string[];
}

export interface BucketExpectation {
  readonly name: string;
  readonly block_public_access?: boolean;
  readonly public?: boolean;
}

export interface DrillExpectation {
  readonly outcome?: 'routed' | 'suppressed' | 'aggregated' | 'unrouted';
  readonly playbook?: string | null;
  readonly severity?: 'low' | 'medium' | 'high' | 'critical';
  readonly approval_environment?: string | null;
  readonly plan_targets?: readonly string[];
  readonly step_results?: Readonly<Record<string, StepResult>>;
  readonly aws?: {
    readonly unchanged?: boolean;
    readonly instances?: readonly InstanceExpectation[];
    readonly users?: readonly UserExpectation[];
    readonly buckets?: readonly BucketExpectation[];
  };
  readonly slack?: readonly { readonly channel: string }[];
  readonly tickets?: readonly { readonly labels: readonly string[] }[];
  readonly max_durations?: { readonly run?: string; readonly execute?: string; readonly total?: string };
}

/** The file as its schema describes it. */
export interface DrillFile {
  readonly name: string;
  readonly description: string;
  readonly events?: JsonValue;
  readonly event_file?: string;
  readonly world?: { readonly s3_buckets?: readonly { name: string; public_policy?: boolean }[] };
  readonly steps: readonly DrillStage[];
  readonly expect: DrillExpectation;
}

/** A drill ready to run: its payload read, every expectation traceable to where it is written. */
export interface Drill extends DrillFile {
  /** The drill file, relative to the repository root. */
  readonly file: string;
  /** The payload (a vendor's JSON, or a list of them), as written. */
  readonly payload: JsonValue;
  /** Where the payload comes from, as normalize's errors name it. */
  readonly payloadName: string;
  /** `file:line:col` of the value at `path` in the drill file (`['expect', 'playbook']`). */
  readonly locate: (path: JsonPath) => string;
}

const PHRASES: PatternPhrases = {
  ...PATTERN_PHRASES,
  name: PATTERN_PHRASES.slug ?? 'an id',
  slug: PATTERN_PHRASES.slug ?? 'an id',
  event_file: PATTERN_PHRASES.repoPath ?? 'a path inside the repository',
  bucketName: 'an S3 bucket name (3 to 63 lower-case letters, digits, dots and dashes)',
  by: 'a login or an address (letters, digits, . _ @ + -; at most 100 characters)',
  channel: 'a Slack channel name without "#"',
  id: 'an instance id like "i-0abcd1234ef567890"',
};

let validator: ValidateFunction | undefined;
/** Compiled on first use: only `irac drill` reads drill files. */
function validateDrill(value: unknown): ValidateFunction {
  validator ??= readableValidator(drillSchema);
  validator(value);
  return validator;
}

/** The file parsed and checked against schemas/drill.schema.json; the first problem thrown. */
function parseDrillFile(text: string, file: string): { yaml: LocatedYaml; value: DrillFile } {
  const yaml = parseLocatedYaml(text, file);
  if (yaml.value === null || yaml.value === undefined) {
    throw new InputError(`${file}:1:1`, 'is empty: a drill has a name, a description, steps and expect');
  }
  const validate = validateDrill(yaml.value);
  if (validate.errors && validate.errors.length > 0) {
    const problems = validate.errors.flatMap((error) => {
      const problem = schemaProblem(error, PHRASES, 'the drill');
      return problem ? [{ at: yaml.locate(problem.path, problem.key), what: problem.what }] : [];
    });
    const [first] = problems.sort((a, b) => a.at.offset - b.at.offset);
    throw new InputError(first?.at.where ?? `${file}:1:1`, first?.what ?? 'is not a valid drill');
  }
  const value = yaml.value as DrillFile;
  checkStages(value, (path) => yaml.locate(path));
  const payloads = ['events', 'event_file'].filter((key) => key in value);
  if (payloads.length !== 1) {
    throw new InputError(
      yaml.locate([]).where,
      payloads.length === 0
        ? 'has no events: give the payloads inline (events) or in a file (event_file)'
        : 'has both events and event_file: give one',
    );
  }
  return { yaml, value };
}

/** The ingest workflow runs first and once; the containment job needs it. */
function checkStages(drill: DrillFile, locate: (path: JsonPath) => Location): void {
  for (const [index, stage] of drill.steps.entries()) {
    const runs = 'run' in stage;
    if (runs !== (index === 0)) {
      throw new InputError(
        locate(['steps', index]).where,
        runs
          ? 'run may only be the first step: the events arrive once'
          : 'the first step must be run: the events arrive before anyone approves or executes',
      );
    }
  }
}

/** The drill's payload: inline, or the JSON of its event_file, read as the repository's other files are. */
async function payloadOf(
  files: RepoFiles,
  drill: DrillFile,
  locate: (path: JsonPath) => Location,
): Promise<{ payload: JsonValue; name: string }> {
  if (drill.event_file === undefined) return { payload: drill.events ?? null, name: 'events' };
  const path = drill.event_file;
  const where = locate(['event_file']).where;
  let text: string | undefined;
  try {
    text = await files.readText(path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(where, `event_file ${quoteForMessage(path)} ${error.what}`);
  }
  if (text === undefined) throw new InputError(where, `event_file ${quoteForMessage(path)}: no such file`);
  try {
    return { payload: JSON.parse(text) as JsonValue, name: path };
  } catch (error) {
    throw new InputError(
      where,
      `event_file ${quoteForMessage(path)} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Whether NAME selects the drill: its name, its file's path, or the file's name with or without `.yaml`. */
function selects(name: string, drill: { file: string; name: string }): boolean {
  const base = drill.file.slice(DRILLS_DIR.length + 1);
  return name === drill.name || name === drill.file || name === base || name === base.replace(/\.ya?ml$/, '');
}

/**
 * The repository's drills that `names` select (all when empty), in file order. Every file is checked,
 * selected or not; the first problem is thrown as an InputError at its `file:line:col`.
 */
export async function loadDrills(files: RepoFiles, names: readonly string[]): Promise<Drill[]> {
  const drills: Drill[] = [];
  const seen = new Map<string, string>();
  for (const entry of (await files.list(DRILLS_DIR)).filter(isPlaybookFileName)) {
    const file = `${DRILLS_DIR}/${entry}`;
    let text: string | undefined;
    try {
      text = await files.readText(file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(`${file}:1:1`, error.what);
    }
    if (text === undefined) continue;
    const { yaml, value } = parseDrillFile(text, file);
    const nameAt = yaml.locate(['name']).where;
    const first = seen.get(value.name);
    if (first !== undefined) {
      throw new InputError(nameAt, `duplicate drill name ${quoteForMessage(value.name)} (first in ${first})`);
    }
    seen.set(value.name, file);
    const locate = (path: JsonPath) => yaml.locate(path);
    const { payload, name } = await payloadOf(files, value, locate);
    drills.push({ ...value, file, payload, payloadName: name, locate: (path) => locate(path).where });
  }
  const unknown = names.find((wanted) => !drills.some((drill) => selects(wanted, drill)));
  if (unknown !== undefined) {
    throw new InputError(quoteForMessage(unknown), `names no drill in ${DRILLS_DIR}/`);
  }
  return names.length === 0 ? drills : drills.filter((drill) => names.some((name) => selects(name, drill)));
}

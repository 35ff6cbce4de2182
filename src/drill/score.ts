// A drill's score: each expectation it writes held against what the run observed — the decision and plan
// as committed, each step's last result, the state read back from the simulated AWS account, Slack and
// GitHub, and each stage's duration on the incident's audit trail. One check per expectation, each
// named by its path in the file and placed at its line, so a failing drill says which promise broke.
// Pure: the command gathers the observation, this only compares.

import { isDeepStrictEqual } from 'node:util';
import { durationMs } from '../config/config.js';
import type { JsonPath } from '../json.js';
import type { S3BucketState } from '../sim/aws/s3.js';
import type { InstanceState, UserState } from '../sim/world.js';
import type { Drill, DrillExpectation, StepResult } from './drill.js';

export interface StageDurations {
  /** Milliseconds on the audit trail; null when the drill has no such stage or it wrote nothing. */
  readonly run: number | null;
  readonly execute: number | null;
  readonly total: number | null;
}

/** What a drill run left behind, read back from the store and the simulated services. */
export interface DrillObservation {
  readonly incident: string | null;
  readonly outcome: string | null;
  readonly playbook: string | null;
  readonly severity: string | null;
  /** The environment the plan waits in; null when nothing waits (or there is no plan). */
  readonly approval_environment: string | null;
  /** Targets of the API calls of the plan's applying steps. */
  readonly plan_targets: readonly string[];
  /** Each plan step's last result over the stages. */
  readonly step_results: Readonly<Record<string, StepResult>>;
  readonly aws: {
    /** Mutating requests the account received during the drill. */
    readonly mutations: number;
    readonly instances: Readonly<Record<string, (InstanceState & { incidentSnapshots: number }) | null>>;
    readonly users: Readonly<Record<string, UserState | null>>;
    readonly buckets: Readonly<Record<string, S3BucketState | null>>;
  };
  /** Channels holding a message that names the incident. */
  readonly slack_channels: readonly string[];
  /** GitHub issues naming the incident. */
  readonly tickets: readonly { readonly number: number; readonly labels: readonly string[] }[];
  readonly durations: StageDurations;
}

export interface DrillCheck {
  /** The expectation, by its path in the drill: `expect.aws.instances[0].security_groups`. */
  readonly expectation: string;
  /** `file:line:col` where it is written. */
  readonly where: string;
  readonly ok: boolean;
  readonly expected: unknown;
  readonly got: unknown;
}

function pathText(path: JsonPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

class Scorer {
  readonly checks: DrillCheck[] = [];
  constructor(private readonly drill: Drill) {}

  check(path: JsonPath, expected: unknown, got: unknown, ok = isDeepStrictEqual(expected, got)): void {
    const full = ['expect', ...path];
    this.checks.push({ expectation: pathText(full), where: this.drill.locate(full), ok, expected, got });
  }
}

const sorted = (values: readonly string[]) => [...values].sort();

function scoreInstances(scorer: Scorer, expect: DrillExpectation, seen: DrillObservation): void {
  for (const [index, want] of (expect.aws?.instances ?? []).entries()) {
    const at = (key: string): JsonPath => ['aws', 'instances', index, key];
    const got = seen.aws.instances[want.id] ?? null;
    if (got === null) {
      scorer.check(['aws', 'instances', index, 'id'], want.id, null);
      continue;
    }
    if (want.security_groups !== undefined) {
      // Every interface in exactly these groups: one left in its old group still talks to the world.
      const groups = got.interfaces.map((eni) => eni.groups.map(String));
      const ok =
        groups.length > 0 &&
        groups.every((g) => isDeepStrictEqual(sorted(g), sorted(want.security_groups ?? [])));
      scorer.check(at('security_groups'), want.security_groups, groups, ok);
    }
    if (want.instance_profile !== undefined) {
      const profile = got.profile;
      const ok =
        want.instance_profile === null
          ? profile === null
          : profile !== null &&
            (profile === want.instance_profile || profile.endsWith(`/${want.instance_profile}`));
      scorer.check(at('instance_profile'), want.instance_profile, profile, ok);
    }
    if (want.metadata !== undefined) scorer.check(at('metadata'), want.metadata, got.metadata);
    if (want.termination_protection !== undefined) {
      scorer.check(at('termination_protection'), want.termination_protection, got.terminationProtection);
    }
    if (want.shutdown !== undefined) scorer.check(at('shutdown'), want.shutdown, got.shutdown);
    if (want.auto_scaling !== undefined)
      scorer.check(at('auto_scaling'), want.auto_scaling, got.autoScaling ?? null);
    if (want.tags !== undefined) {
      const tags = Object.fromEntries(Object.keys(want.tags).map((key) => [key, got.tags[key] ?? null]));
      scorer.check(at('tags'), want.tags, tags);
    }
    if (want.snapshots !== undefined) scorer.check(at('snapshots'), want.snapshots, got.incidentSnapshots);
  }
}

function scoreUsers(scorer: Scorer, expect: DrillExpectation, seen: DrillObservation): void {
  for (const [index, want] of (expect.aws?.users ?? []).entries()) {
    const at = (key: string): JsonPath => ['aws', 'users', index, key];
    const got = seen.aws.users[want.name] ?? null;
    if (got === null) {
      scorer.check(['aws', 'users', index, 'name'], want.name, null);
      continue;
    }
    const keys = Object.fromEntries(got.keys.map((key) => [key.id, key.status]));
    if (typeof want.access_keys === 'string') {
      const status = want.access_keys;
      scorer.check(
        at('access_keys'),
        status,
        keys,
        got.keys.length > 0 && got.keys.every((k) => k.status === status),
      );
    } else if (want.access_keys !== undefined) {
      const named = Object.fromEntries(Object.keys(want.access_keys).map((id) => [id, keys[id] ?? null]));
      scorer.check(at('access_keys'), want.access_keys, named);
    }
    if (want.inline_policies !== undefined) {
      const ok = want.inline_policies.every((policy) => got.inlinePolicies.includes(policy));
      scorer.check(at('inline_policies'), want.inline_policies, got.inlinePolicies, ok);
    }
  }
}

const ALL_BLOCKED = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;

function scoreBuckets(scorer: Scorer, expect: DrillExpectation, seen: DrillObservation): void {
  for (const [index, want] of (expect.aws?.buckets ?? []).entries()) {
    const at = (key: string): JsonPath => ['aws', 'buckets', index, key];
    const got = seen.aws.buckets[want.name] ?? null;
    if (got === null) {
      scorer.check(['aws', 'buckets', index, 'name'], want.name, null);
      continue;
    }
    if (want.block_public_access !== undefined) {
      const block = got.publicAccessBlock;
      const all = block !== null && ALL_BLOCKED.every((setting) => block[setting]);
      scorer.check(
        at('block_public_access'),
        want.block_public_access,
        block,
        all === want.block_public_access,
      );
    }
    if (want.public !== undefined) scorer.check(at('public'), want.public, got.effectivelyPublic);
  }
}

function scoreDurations(scorer: Scorer, expect: DrillExpectation, seen: DrillObservation): void {
  for (const stage of ['run', 'execute', 'total'] as const) {
    const limit = expect.max_durations?.[stage];
    if (limit === undefined) continue;
    const took = seen.durations[stage];
    const got = took === null ? null : `${took}ms`;
    scorer.check(
      ['max_durations', stage],
      `at most ${limit}`,
      got,
      took !== null && took <= durationMs(limit),
    );
  }
}

/** One check per expectation the drill writes, in the order they are written in the schema. */
export function scoreDrill(drill: Drill, seen: DrillObservation): DrillCheck[] {
  const scorer = new Scorer(drill);
  const { expect } = drill;
  for (const key of ['outcome', 'playbook', 'severity', 'approval_environment'] as const) {
    if (expect[key] !== undefined) scorer.check([key], expect[key], seen[key]);
  }
  for (const [index, target] of (expect.plan_targets ?? []).entries()) {
    scorer.check(['plan_targets', index], target, seen.plan_targets, seen.plan_targets.includes(target));
  }
  for (const [step, result] of Object.entries(expect.step_results ?? {})) {
    scorer.check(['step_results', step], result, seen.step_results[step] ?? null);
  }
  if (expect.aws?.unchanged !== undefined) {
    const got = `${seen.aws.mutations} mutating requests`;
    scorer.check(
      ['aws', 'unchanged'],
      expect.aws.unchanged,
      got,
      (seen.aws.mutations === 0) === expect.aws.unchanged,
    );
  }
  scoreInstances(scorer, expect, seen);
  scoreUsers(scorer, expect, seen);
  scoreBuckets(scorer, expect, seen);
  for (const [index, { channel }] of (expect.slack ?? []).entries()) {
    scorer.check(
      ['slack', index, 'channel'],
      channel,
      seen.slack_channels,
      seen.slack_channels.includes(channel),
    );
  }
  for (const [index, { labels }] of (expect.tickets ?? []).entries()) {
    const ok = seen.tickets.some((ticket) => labels.every((label) => ticket.labels.includes(label)));
    scorer.check(
      ['tickets', index, 'labels'],
      labels,
      seen.tickets.map((t) => t.labels),
      ok,
    );
  }
  scoreDurations(scorer, expect, seen);
  return scorer.checks;
}

// What triage runs with, assembled from a repository: the configuration, the playbooks compiled into
// routes, and the enrichment sources. The working tree for `irac triage` and `irac replay`; a git ref's
// tree for `irac replay --compare REF` (rules only: enrichment stays the working tree's).

import { type ParsedConfig, readSettings } from '../config/config.js';
import { loadPlaybooks } from '../playbooks/load.js';
import { needsApproval, type Playbook } from '../playbooks/playbook.js';
import { gitRefFiles, type RepoFiles, workingTreeFiles } from '../playbooks/repo-files.js';
import type { Git } from '../store/git.js';
import type { Incident, SecurityEvent } from '../types.js';
import { compileRules, type EnrichmentFacts, type Route, type TriageRules } from './decide.js';
import { createProviders, enrich } from './enrichment/enrich.js';
import { subjectOf } from './enrichment/subject.js';
import type { AssetMatch, Subject } from './enrichment/types.js';
import { type ConditionContext, ConditionError } from './expressions.js';

export interface TriageRuleset {
  readonly rules: TriageRules;
  readonly playbooks: readonly Playbook[];
}

export interface LoadedTriage extends TriageRuleset {
  /** Looks up what an incident's events name; a failing source is reported degraded, never thrown. */
  readonly enrich: (events: readonly SecurityEvent[], incident: Incident) => Promise<EnrichmentFacts>;
}

export async function loadRuleset(files: RepoFiles, config: ParsedConfig): Promise<TriageRuleset> {
  const playbooks = await loadPlaybooks(files, config);
  const routes = playbooks.map(
    (playbook): Route => ({
      id: playbook.id,
      priority: playbook.priority,
      trigger: playbook.trigger,
      unreviewed: (context) => unreviewedSteps(playbook, context),
    }),
  );
  return { rules: compileRules(config.settings, routes, config.origin), playbooks };
}

/**
 * The destructive steps of `playbook` that would run on the incident of `context` without a reviewer.
 * A step whose `when` cannot be evaluated counts as applying; a scope that cannot be evaluated, as not
 * holding (the step then waits for a reviewer).
 */
export function unreviewedSteps(playbook: Playbook, context: ConditionContext): string[] {
  const holds = (evaluate: () => boolean) => {
    try {
      return evaluate();
    } catch (error) {
      if (error instanceof ConditionError) return true;
      throw error;
    }
  };
  return playbook.steps
    .filter((step) => step.action.destructive)
    .filter((step) => holds(() => step.when?.evaluate(context) ?? true))
    .filter((step) => !holds(() => needsApproval(playbook, step, context)))
    .map((step) => `${step.id}:${step.action.runs}`);
}

export interface EngineOptions {
  readonly repoRoot: string;
  readonly config: ParsedConfig;
  /** Leave out sources that need the network (replay's default). */
  readonly localOnly?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export async function loadTriageEngine(options: EngineOptions): Promise<LoadedTriage> {
  const files = workingTreeFiles(options.repoRoot);
  const ruleset = await loadRuleset(files, options.config);
  const providers = await createProviders(options.config.settings, {
    files,
    env: options.env ?? process.env,
    localOnly: options.localOnly ?? false,
  });
  return {
    ...ruleset,
    enrich: async (events) => {
      const subject = subjectOf(events);
      const found = await enrich(subject, providers);
      return { ...found, unknown_resources: unknownResources(subject, found.assets) };
    },
  };
}

/**
 * The resources no registry matched by any of their identifiers. An asset matched by the account
 * covers every resource in it (a registry may describe a sandbox account as a whole).
 */
export function unknownResources(subject: Subject, assets: readonly AssetMatch[]): string[] {
  if (assets.some((asset) => asset.matched.type === 'account')) return [];
  const matched = new Set(assets.map((asset) => asset.matched.identifier));
  return subject.resources
    .filter((r) => ![r.arn, r.id, r.name].some((text) => text !== undefined && matched.has(text)))
    .map((r) => r.arn ?? r.id);
}

/** The rules as they were at `ref`: its configuration file (at `configPath`) and its playbooks. */
export async function loadTriageAt(
  git: Git,
  ref: string,
  options: { configPath?: string | undefined },
): Promise<TriageRuleset> {
  const files = await gitRefFiles(git.dir, ref);
  const config = await readSettings(files, options.configPath);
  return loadRuleset(files, config);
}

// One playbook definition, already shaped as the schema says, checked for everything a schema cannot
// see and compiled: conditions and templates, actions against the catalogue, parameters against each
// action's schema, approvals against what each action risks. Every problem is reported, each at the
// line to fix, so that `irac lint` can list them all.

import { parse } from '@marcbachmann/cel-js';
import { durationMs } from '../config/config.js';
import type { LocatedYaml } from '../config/located-yaml.js';
import { closestOf, subjectOf } from '../config/schema-problems.js';
import { InputError } from '../errors.js';
import type { JsonPath, JsonValue } from '../json.js';
import { openIncident } from '../store/incident.js';
import { conditionContext } from '../triage/decide.js';
import {
  type CanaryContext,
  CONDITION_VARIABLES,
  type Condition,
  type ConditionContext,
  ConditionError,
  canaryConditions,
  compileCondition,
  variablesOf,
} from '../triage/expressions.js';
import type { PlaybookDefinition, PlaybookStepDefinition, SecurityEvent, Severity } from '../types.js';
import { type Catalogue, DEFAULT_TIMEOUT } from './catalogue.js';
import { parameterProblems, type WrittenParameter } from './parameters.js';
import type { Playbook, PlaybookStep } from './playbook.js';
import { type Problem, problemAt } from './problems.js';
import { type CompiledValue, compileTemplate, compileValue, type Template } from './templates.js';

/** The keys a step has; any other key is a parameter of its action. */
const STEP_KEYS = [
  'id',
  'action',
  'when',
  'with',
  'requires_approval',
  'dry_run_supported',
  'timeout',
  'retries',
  'on_failure',
  'for_each',
  'canary',
];

/** Most targets one for_each step may act on: more is a fleet operation, not an incident's containment. */
export const MAX_FOR_EACH = 100;

/** How a pre-authorized scope holds for the incident as a whole: every asset known, none production. */
const SCOPE_EXAMPLE =
  "asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])";

const DEFAULT_PRIORITY = 100;
const DEFAULT_ENVIRONMENT = 'ir-containment';

/** Where a definition is written: its document, and its path there ([] for a playbook file). */
export interface DefinitionSource {
  readonly yaml: LocatedYaml;
  readonly base: JsonPath;
}

/** Whether a condition reads anything of the incident, or would give the same answer for every one. */
function readsIncident(source: string): boolean {
  return [...variablesOf(parse(source).ast)].some((name) => name in CONDITION_VARIABLES);
}

const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const SCORES = [0, 0.2, 0.5, 0.8, 1];

/**
 * What conditions see of an incident on resources no registry knows, with no threat intelligence and
 * no history, made by triage's own conditionContext: one per severity and score. A pre-authorized
 * scope must hold for none of them.
 */
function unknownAssetIncidents(): { severity: Severity; score: number; context: ConditionContext }[] {
  const time = '2026-01-01T00:00:00.000Z';
  return SEVERITIES.flatMap((severity) =>
    SCORES.map((score) => {
      const event: SecurityEvent = {
        id: 'unknown-asset',
        timestamp: time,
        source: 'siem',
        severity,
        vendor: 'generic',
        kind: 'unknown',
        title: 'An incident on resources no registry knows',
        resource: '',
        resources: [],
        indicators: [],
        attack: { tactics: [], techniques: [] },
        fingerprint: 'unknown-asset',
        raw_sha256: '0'.repeat(64),
        raw_pointer: '',
        payload: {},
        context: {},
      };
      const context = conditionContext(
        {
          incident: openIncident('IR-20260101-aaaaaaaa', event, time),
          events: [event],
          enrichment: { asset: null, intel: { score: 0, hits: [] }, providers: [], degraded: [] },
          history: { fingerprints: [], resources: [], actors: [] },
          now: new Date(time),
        },
        {
          score: { value: score, severity, factors: [] },
          history: {
            window: null,
            same_fingerprint: 0,
            same_resource: 0,
            same_actor: 0,
            incidents: 0,
            recent: [],
          },
        },
      );
      return { severity, score, context };
    }),
  );
}

let unknownAssets: ReturnType<typeof unknownAssetIncidents> | undefined;

/**
 * The first incident on unknown assets a scope pre-authorizes, if any. A scope that fails on one does
 * not hold for it: at plan time, a failing scope pre-authorizes nothing either.
 */
function preauthorizesUnknown(scope: Condition): { severity: Severity; score: number } | undefined {
  unknownAssets ??= unknownAssetIncidents();
  return unknownAssets.find(({ context }) => {
    try {
      return scope.evaluate(context);
    } catch (error) {
      if (error instanceof ConditionError) return false;
      throw error;
    }
  });
}

/**
 * Compiles one definition, reporting every problem. `environments` are the configuration's
 * orchestrator.approval_environments, the only ones a tier may name; undefined when the configuration
 * has problems of its own (reported by it) and they are not known.
 */
export function compilePlaybook(
  definition: PlaybookDefinition,
  source: DefinitionSource,
  catalogue: Catalogue,
  environments: readonly string[] | undefined,
): { playbook: Playbook | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const path = (rel: JsonPath): JsonPath => [...source.base, ...rel];
  const locate = (rel: JsonPath, key?: string) => source.yaml.locate(path(rel), key);
  const subject = (rel: JsonPath) => subjectOf(path(rel), 'the playbook');
  const error = (rel: JsonPath, what: string, key?: string) => {
    problems.push(problemAt(locate(rel, key), what));
  };
  const condition = (rel: JsonPath, text: string): Condition | undefined => {
    const at = locate(rel);
    try {
      return compileCondition(text, at.where);
    } catch (caught) {
      if (!(caught instanceof InputError)) throw caught;
      problems.push(problemAt(at, `${subject(rel)}: ${caught.what}`));
      return undefined;
    }
  };

  const trigger = condition(['trigger'], definition.trigger);
  const scope = definition.tier?.preauthorized_when;
  const preauthorizedWhen =
    scope === undefined ? undefined : condition(['tier', 'preauthorized_when'], scope);
  if (preauthorizedWhen && !readsIncident(scope as string)) {
    error(
      ['tier', 'preauthorized_when'],
      `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} reads nothing of the incident: pre-authorization must be scoped, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])`,
    );
  } else if (preauthorizedWhen) {
    const unknown = preauthorizesUnknown(preauthorizedWhen);
    if (unknown) {
      error(
        ['tier', 'preauthorized_when'],
        `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} holds for an incident whose assets no registry knows (severity ${unknown.severity}, score ${unknown.score}, no threat intelligence): it would contain what nobody has said is safe to contain without a reviewer; require known, non-production assets, e.g. ${SCOPE_EXAMPLE}`,
      );
    }
  }
  const environment = definition.tier?.environment ?? DEFAULT_ENVIRONMENT;
  if (environments !== undefined && !environments.includes(environment)) {
    // GitHub creates an environment a job names on first use, with no protection rules: a misspelled
    // one would run every step "approved" by nobody.
    const guess = closestOf(environment, environments);
    const listed = `orchestrator.approval_environments lists those with reviewers (${environments.join(', ')})`;
    if (definition.tier === undefined) {
      error(
        ['id'],
        `playbook "${definition.id}" has no tier, so its approvals go to the GitHub Environment "${environment}", which is not an approval environment: set tier.environment; ${listed}`,
      );
    } else {
      error(
        ['tier', 'environment'],
        `${subject(['tier', 'environment'])} "${environment}" is not an approval environment${guess ? ` (did you mean "${guess}"?)` : ''}: GitHub would create it on first use without required reviewers; ${listed}`,
      );
    }
  }
  if (definition.owner === undefined) {
    problems.push(
      problemAt(
        locate(['id']),
        `playbook "${definition.id}" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)`,
        'warning',
      ),
    );
  }

  const steps: PlaybookStep[] = [];
  const stepLines = new Map<string, number>();
  for (const [index, step] of definition.steps.entries()) {
    const rel = ['steps', index];
    const first = stepLines.get(step.id);
    if (first === undefined) stepLines.set(step.id, locate([...rel, 'id']).line);
    else
      error(
        [...rel, 'id'],
        `duplicate step id "${step.id}" in playbook "${definition.id}" (first at line ${first})`,
      );
    const compiled = compileStep(step, rel, {
      catalogue,
      scoped: scope !== undefined,
      locate,
      subject,
      problems,
      condition,
    });
    if (compiled) steps.push(compiled);
  }

  const failed = problems.some((problem) => problem.severity === 'error');
  if (failed || !trigger) return { playbook: undefined, problems };
  const where = locate(['id']);
  return {
    playbook: {
      id: definition.id,
      ...(definition.description !== undefined && { description: definition.description }),
      ...(definition.version !== undefined && { version: definition.version }),
      ...(definition.owner !== undefined && { owner: definition.owner }),
      trigger,
      priority: definition.priority ?? DEFAULT_PRIORITY,
      tier: {
        environment,
        ...(preauthorizedWhen && { preauthorizedWhen }),
      },
      steps,
      file: where.file,
      where: where.where,
    },
    problems,
  };
}

interface StepContext {
  readonly catalogue: Catalogue;
  /** The playbook has a pre-authorized scope. */
  readonly scoped: boolean;
  readonly locate: (rel: JsonPath, key?: string) => ReturnType<LocatedYaml['locate']>;
  readonly subject: (rel: JsonPath) => string;
  readonly problems: Problem[];
  readonly condition: (rel: JsonPath, text: string) => Condition | undefined;
}

function compileStep(
  step: PlaybookStepDefinition,
  rel: JsonPath,
  ctx: StepContext,
): PlaybookStep | undefined {
  const { locate, subject, problems } = ctx;
  const before = problems.length;
  const error = (at: JsonPath, what: string, key?: string) => {
    problems.push(problemAt(locate(at, key), what));
  };

  const action = ctx.catalogue.get(step.action);
  if (!action) {
    const guess = closestOf(step.action, ctx.catalogue.names);
    error(
      [...rel, 'action'],
      `step "${step.id}" has unknown action "${step.action}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
    );
  }
  const takes = new Set(Object.keys((action?.parameters.properties ?? {}) as object));

  // The seed's shape writes parameters inline; `with` is the explicit one. A key that is neither a
  // step key nor a parameter of the action, but close to a step key, is a typo of that key: a
  // misspelled requires_approval would otherwise pass for a parameter and run the step unapproved.
  const written: Record<string, WrittenParameter> = {};
  const add = (name: string, value: JsonValue, at: JsonPath) => {
    const compiled: CompiledValue = compileValue(
      value,
      (inner) => locate([...at, ...inner]).where,
      (inner, caught) => {
        problems.push(problemAt(locate([...at, ...inner]), `${subject([...at, ...inner])}: ${caught.what}`));
      },
    );
    written[name] = { value: compiled, path: at };
  };
  for (const [name, value] of Object.entries(step.with ?? {})) add(name, value, [...rel, 'with', name]);
  for (const [key, value] of Object.entries(step)) {
    if (STEP_KEYS.includes(key) || value === undefined) continue;
    const meant = takes.has(key)
      ? undefined
      : (closestOf(key, STEP_KEYS) ?? (key.includes('approv') ? 'requires_approval' : undefined));
    if (meant !== undefined) {
      error(rel, `${subject(rel)} has unknown key "${key}" (did you mean "${meant}"?)`, key);
    } else if (written[key] !== undefined) {
      error(rel, `step "${step.id}" gives parameter "${key}" both inline and under "with"`, key);
    } else {
      add(key, value as JsonValue, [...rel, key]);
    }
  }
  if (action) {
    for (const problem of parameterProblems(action, step.id, written, rel, subject)) {
      problems.push(problemAt(locate(problem.path, problem.key), problem.what));
    }
  }

  const when = step.when === undefined ? undefined : ctx.condition([...rel, 'when'], step.when);
  const requiresApproval = step.requires_approval ?? false;
  const dryRunSupported = step.dry_run_supported ?? false;
  if (action?.destructive) {
    const does = `step "${step.id}" runs ${action.name}${action.runs !== action.name ? ` (${action.runs})` : ''}`;
    if (!requiresApproval && !action.reversible) {
      error(
        [...rel, 'action'],
        `${does}, which is destructive and cannot be undone, without requires_approval: true — a pre-authorized tier does not cover what cannot be undone`,
      );
    } else if (!requiresApproval && !ctx.scoped) {
      error(
        [...rel, 'action'],
        `${does}, which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)`,
      );
    }
    if (dryRunSupported) {
      error(
        [...rel, 'dry_run_supported'],
        `${does}, which is destructive: dry_run_supported: true would run it during a dry run`,
      );
    }
  }

  const forEach = step.for_each === undefined ? undefined : targetsTemplate(step, rel, ctx);
  if (step.for_each === undefined) {
    for (const [name, { value, path }] of Object.entries(written)) {
      const reading = value.templates.find(({ template }) => template.reads.has('item'));
      if (reading) {
        error(
          [...path, ...reading.path],
          `step "${step.id}": parameter "${name}" reads item, which only a step with for_each has`,
        );
      }
    }
  }
  if (
    step.for_each !== undefined &&
    !Object.values(written).some(({ value }) =>
      value.templates.some(({ template }) => template.reads.has('item')),
    )
  ) {
    error(
      [...rel, 'for_each'],
      `step "${step.id}" has for_each, but none of its parameters reads item: every target would get the same parameters (write e.g. instance_id: "{{ item }}")`,
    );
  }
  const canary = step.canary === undefined ? undefined : canaryOf(step, rel, ctx);

  if (step.timeout !== undefined && durationMs(step.timeout) === 0) {
    error([...rel, 'timeout'], `step "${step.id}" has a timeout of ${step.timeout}: it could never finish`);
  }

  if (!action || problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  const timeout = step.timeout ?? action.timeout ?? DEFAULT_TIMEOUT;
  return {
    id: step.id,
    action,
    ...(when && { when }),
    parameters: Object.fromEntries(Object.entries(written).map(([name, { value }]) => [name, value])),
    requiresApproval,
    dryRunSupported,
    timeout,
    timeoutMs: durationMs(timeout),
    retries: step.retries ?? 0,
    onFailure: step.on_failure ?? 'stop',
    ...(forEach && { forEach }),
    ...(canary && { canary }),
    where: locate(rel).where,
  };
}

/** A for_each: one whole `{{ }}` over the incident, giving a list (it cannot read the item it makes). */
function targetsTemplate(
  step: PlaybookStepDefinition,
  rel: JsonPath,
  ctx: StepContext,
): Template | undefined {
  const at = [...rel, 'for_each'];
  const report = (what: string) =>
    ctx.problems.push(problemAt(ctx.locate(at), `${ctx.subject(at)}: ${what}`));
  let template: Template | undefined;
  try {
    template = compileTemplate(step.for_each ?? '', ctx.locate(at).where);
  } catch (caught) {
    if (!(caught instanceof InputError)) throw caught;
    report(caught.what);
    return undefined;
  }
  if (!template?.whole) {
    report(
      `must be one "{{ expr }}" giving a list (of instance ids, user names…), e.g. "{{ event.resources.filter(r, r.type == 'aws.ec2.instance').map(r, r.id) }}"`,
    );
    return undefined;
  }
  if (template.reads.has('item')) {
    report('reads item, which it is what defines');
    return undefined;
  }
  if (template.type !== 'dyn' && !template.type.startsWith('list')) {
    report(`gives a ${template.type}, not a list`);
    return undefined;
  }
  return template;
}

function canaryOf(step: PlaybookStepDefinition, rel: JsonPath, ctx: StepContext): PlaybookStep['canary'] {
  const at = [...rel, 'canary'];
  const canary = step.canary;
  if (canary === undefined) return undefined;
  if (step.for_each === undefined) {
    ctx.problems.push(
      problemAt(
        ctx.locate(rel, 'canary'),
        `step "${step.id}" has a canary but no for_each: a canary holds back some of a step's targets, and this step has one`,
      ),
    );
    return undefined;
  }
  let verify: Condition<CanaryContext> | undefined;
  if (canary.verify !== undefined) {
    const where = ctx.locate([...at, 'verify']);
    try {
      verify = compileCondition<CanaryContext>(canary.verify, where.where, canaryConditions());
    } catch (caught) {
      if (!(caught instanceof InputError)) throw caught;
      ctx.problems.push(
        problemAt(
          where,
          `${ctx.subject([...at, 'verify'])}: ${caught.what} (a canary check sees only canary: targets, size, of)`,
        ),
      );
      return undefined;
    }
  }
  const wait = canary.wait ?? '0s';
  return { percent: canary.percent, wait, waitMs: durationMs(wait), ...(verify && { verify }) };
}

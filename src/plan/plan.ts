// From a decision to a plan a reviewer can approve: the routed playbook's steps, each resolved for this
// incident — whether it applies (`when`), its parameters with every `{{ }}` evaluated and checked against
// the action's schema, where it acts (region, account), the exact API calls it makes (`describe`), whether
// it waits for a reviewer and in which GitHub Environment — and the plan's hash: sha256 of its canonical
// JSON (RFC 8785). The plan is built only from what the incident's committed files say (the decision,
// the events) and the playbook's text, so planning an unchanged decision again gives the same hash, and an
// approval given for one hash cannot be spent on anything else.

import type { ApiCall } from '../connectors/action.js';
import { loadConnector } from '../connectors/registry.js';
import { canonicalJson, sha256Hex } from '../digest.js';
import { InputError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { MAX_FOR_EACH } from '../playbooks/compile.js';
import { needsApproval, type Playbook, renderParameters } from '../playbooks/playbook.js';
import { TemplateError } from '../playbooks/templates.js';
import { conditionContext, type Decision } from '../triage/decide.js';
import { type ConditionContext, ConditionError } from '../triage/expressions.js';
import type { Incident, SecurityEvent } from '../types.js';

/** Bumped when the plan's shape changes: a hash is only comparable within one format. */
export const PLAN_FORMAT = 2;

export interface PlanStep {
  readonly id: string;
  /** The action as the step names it (an alias stays visible to the reviewer)… */
  readonly action: string;
  /** …and the action that runs. */
  readonly runs: string;
  /** False when the step's `when` does not hold for this incident, or its parameters cannot be resolved. */
  readonly applies: boolean;
  /** Why it does not apply; null when it does. */
  readonly skipped: string | null;
  /** Every parameter, defaults included, as the connector will receive them; null when unresolved. */
  readonly parameters: JsonObject | null;
  /** Where an AWS action acts (the event's region and account); null for the other connectors. */
  readonly target: { readonly region: string | null; readonly account: string | null };
  readonly destructive: boolean;
  readonly reversible: boolean;
  readonly needs_approval: boolean;
  readonly timeout: string;
  readonly retries: number;
  readonly on_failure: 'stop' | 'continue' | 'undo';
  /** The calls a live run makes, with concrete targets. */
  readonly calls: readonly ApiCall[];
  /**
   * One target of a step over several (for_each): the step as the playbook names it, this target's place
   * (from 1) among how many, and its item. Its id is `<step>.<index>`. Null for a step with one target.
   */
  readonly for_each: {
    readonly step: string;
    readonly index: number;
    readonly of: number;
    readonly item: JsonValue;
  } | null;
  /**
   * Canary containment of a for_each step: `size` of its targets (`member`s, the first ones) run first,
   * `wait` passes, their effect is read back and `verify` (CEL over `canary`) must hold before the others run.
   */
  readonly canary: {
    readonly member: boolean;
    readonly size: number;
    readonly percent: number;
    readonly wait: string;
    readonly verify: string | null;
  } | null;
}

export interface Plan {
  readonly format: number;
  readonly incident: string;
  readonly playbook: {
    readonly id: string;
    readonly version: string | null;
    readonly file: string;
    /** sha256 of the playbook file's text as it was planned from. */
    readonly sha256: string;
  };
  /** sha256 of triage.json: the decision this plan carries out. */
  readonly decision_sha256: string;
  /** The GitHub Environment whose reviewers approve the steps that need it. */
  readonly environment: string;
  /** Whether any applying step waits for a reviewer. */
  readonly needs_approval: boolean;
  readonly steps: readonly PlanStep[];
}

export interface PlanInput {
  readonly incident: Incident;
  readonly events: readonly SecurityEvent[];
  readonly decision: Decision;
  /** triage.json as committed. */
  readonly decisionText: string;
  readonly playbook: Playbook;
  /** The playbook file's text (the configuration's, for an inline playbook). */
  readonly playbookText: string;
}

/** The hash an approval is bound to: sha256 of the plan's canonical JSON. */
export function planHash(plan: Plan): string {
  return sha256Hex(canonicalJson(plan));
}

/** plan.json: the plan with its keys sorted, indented for review; its canonical form hashes to planHash. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(plan)), null, 2)}\n`;
}

/** The values conditions and templates see, rebuilt from the committed decision and events alone. */
export function planContext(input: Pick<PlanInput, 'incident' | 'events' | 'decision'>): ConditionContext {
  const { decision } = input;
  const { asset, assets, unknown_resources, intel, providers, history } = decision.enrichment;
  return conditionContext(
    {
      incident: input.incident,
      events: input.events,
      enrichment: {
        asset,
        assets,
        ...(unknown_resources === null ? {} : { unknown_resources }),
        intel,
        providers,
        degraded: decision.degraded,
      },
      history: { fingerprints: [], resources: [], actors: [] },
      now: new Date(decision.decided_at),
    },
    { score: decision.score, history },
  );
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function holds(evaluate: () => boolean): { holds: boolean; error?: string } {
  try {
    return { holds: evaluate() };
  } catch (error) {
    if (error instanceof ConditionError) return { holds: false, error: error.message };
    throw error;
  }
}

/** The step's parameters for this incident (and target), or why they cannot be resolved. */
function resolve(
  step: Playbook['steps'][number],
  context: ConditionContext,
  item?: JsonValue,
): { parameters: JsonObject | null; skipped: string | null } {
  try {
    return { parameters: renderParameters(step, context, item) as JsonObject, skipped: null };
  } catch (error) {
    // A template over what this incident lacks (a role where the event names only a user) fails here.
    if (!(error instanceof InputError || error instanceof TemplateError || error instanceof ConditionError)) {
      throw error;
    }
    const reason = error instanceof InputError ? error.what : error.message;
    return { parameters: null, skipped: `its parameters cannot be resolved: ${reason}` };
  }
}

/** A for_each step's targets for this incident, each once, in order; or why it has none to act on. */
function targetsOf(step: Playbook['steps'][number], context: ConditionContext): JsonValue[] | string {
  let value: JsonValue;
  try {
    value = step.forEach?.render(context) ?? null;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return `its for_each cannot be evaluated: ${error.reason}`;
  }
  if (!Array.isArray(value))
    return `its for_each gives ${value === null ? 'null' : typeof value}, not a list`;
  const seen = new Set<string>();
  const items = value.filter((item) => {
    const key = canonicalJson(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (items.length === 0) return 'its for_each gives no targets';
  if (items.length > MAX_FOR_EACH) {
    return `its for_each gives ${items.length} targets, more than the ${MAX_FOR_EACH} one step may act on: contain in smaller steps, reviewed as such`;
  }
  return items;
}

export async function buildPlan(input: PlanInput): Promise<Plan> {
  const { incident, decision, playbook } = input;
  if (decision.outcome !== 'routed' || decision.playbook !== playbook.id) {
    throw new InputError(
      incident.id,
      `the decision routes to ${decision.playbook ?? 'no playbook'}, not ${playbook.id}`,
    );
  }
  const context = planContext(input);
  const event = context.event as { region?: unknown; account?: unknown };
  const target = { region: textOf(event.region), account: textOf(event.account) };
  const steps: PlanStep[] = [];
  const aws = { region: target.region ?? '', ...(target.account ? { account: target.account } : {}) };
  const plan = async (
    step: Playbook['steps'][number],
    id: string,
    resolved: { parameters: JsonObject | null; skipped: string | null },
    forEach: PlanStep['for_each'] = null,
    canary: PlanStep['canary'] = null,
  ): Promise<PlanStep> => {
    let { parameters, skipped } = resolved;
    const onAws = step.action.runs.startsWith('aws:');
    if (parameters && onAws && target.region === null) {
      skipped = 'the event names no AWS region to act in';
      parameters = null;
    }
    const connector = await loadConnector(step.action.runs);
    const calls = parameters === null ? [] : connector.describe(parameters, { incidentId: incident.id, aws });
    return {
      id,
      action: step.action.name,
      runs: step.action.runs,
      applies: parameters !== null,
      skipped,
      parameters,
      target: onAws ? target : { region: null, account: null },
      destructive: step.action.destructive,
      reversible: step.action.reversible,
      // A step that does not apply waits for nobody; one that does, as the playbook and its scope say.
      needs_approval: parameters !== null && needsApproval(playbook, step, context),
      timeout: step.timeout,
      retries: step.retries,
      on_failure: step.onFailure,
      calls: calls.map(({ call, target: on, effect }) => ({ call, target: on, effect })),
      for_each: forEach,
      canary,
    };
  };
  for (const step of playbook.steps) {
    const when = step.when ? holds(() => step.when?.evaluate(context) ?? true) : { holds: true };
    if (!when.holds) {
      const skipped = when.error
        ? `its condition cannot be evaluated: ${when.error}`
        : 'its condition does not hold';
      steps.push(await plan(step, step.id, { parameters: null, skipped }));
      continue;
    }
    if (!step.forEach) {
      steps.push(await plan(step, step.id, resolve(step, context)));
      continue;
    }
    const items = targetsOf(step, context);
    if (typeof items === 'string') {
      steps.push(await plan(step, step.id, { parameters: null, skipped: items }));
      continue;
    }
    const size = step.canary ? Math.max(1, Math.ceil((items.length * step.canary.percent) / 100)) : 0;
    for (const [index, item] of items.entries()) {
      const forEach = { step: step.id, index: index + 1, of: items.length, item };
      const canary = step.canary
        ? {
            member: index < size,
            size,
            percent: step.canary.percent,
            wait: step.canary.wait,
            verify: step.canary.verify?.source ?? null,
          }
        : null;
      steps.push(await plan(step, `${step.id}.${index + 1}`, resolve(step, context, item), forEach, canary));
    }
  }
  return {
    format: PLAN_FORMAT,
    incident: incident.id,
    playbook: {
      id: playbook.id,
      version: playbook.version ?? null,
      file: playbook.file,
      sha256: sha256Hex(input.playbookText),
    },
    decision_sha256: sha256Hex(input.decisionText),
    environment: playbook.tier.environment,
    needs_approval: steps.some((step) => step.applies && step.needs_approval),
    steps,
  };
}

/** The JSON value of a plan (for a JSON printer that wants it as data). */
export function planValue(plan: Plan): JsonValue {
  return JSON.parse(canonicalJson(plan)) as JsonValue;
}

// A playbook as the rest of irac uses it: checked, conditions and templates compiled, defaults applied.
// Triage routes on `trigger` in `priority` order; the planner asks each step whether it applies
// (`when`), what its parameters are for this incident and whether it needs a reviewer.

import { InputError } from '../errors.js';
import type { JsonValue } from '../json.js';
import {
  type CanaryContext,
  type Condition,
  type ConditionContext,
  ConditionError,
} from '../triage/expressions.js';
import type { ActionSpec } from './catalogue.js';
import type { CompiledValue, Template } from './templates.js';

export type OnFailure = 'stop' | 'continue' | 'undo';

export interface PlaybookStep {
  readonly id: string;
  /** The catalogue action, aliases resolved (`action.name` is what the step wrote). */
  readonly action: ActionSpec;
  /** The step applies only to incidents where this holds; to every incident when absent. */
  readonly when?: Condition;
  /** The parameters the step writes (under `with` or inline), templates compiled. */
  readonly parameters: Readonly<Record<string, CompiledValue>>;
  /** As written: the step waits for a reviewer whatever the tier says. */
  readonly requiresApproval: boolean;
  readonly dryRunSupported: boolean;
  readonly timeout: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly onFailure: OnFailure;
  /** A step over several targets: the list of items, each planned, run and undone on its own. */
  readonly forEach?: Template;
  /** Canary containment of a for_each step: this share first, checked, then the rest. */
  readonly canary?: {
    readonly percent: number;
    readonly wait: string;
    readonly waitMs: number;
    /** What must hold of the canary targets to go on; each one verified when absent. */
    readonly verify?: Condition<CanaryContext>;
  };
  /** `file:line:col` of the step. */
  readonly where: string;
}

export interface Playbook {
  readonly id: string;
  readonly description?: string;
  readonly version?: string;
  readonly owner?: string;
  readonly trigger: Condition;
  /** Ascending: 1 is evaluated first. */
  readonly priority: number;
  readonly tier: {
    /** The GitHub Environment whose reviewers approve the steps that need it. */
    readonly environment: string;
    /** Where it holds, destructive steps without requires_approval run without a reviewer. */
    readonly preauthorizedWhen?: Condition;
  };
  readonly steps: readonly PlaybookStep[];
  /** The file it is written in: playbooks/<id>.yaml, or the configuration for an inline one. */
  readonly file: string;
  /** `file:line:col` of its id. */
  readonly where: string;
}

/**
 * Whether a step waits for a reviewer on this incident: when it says so, and for a destructive action
 * unless the playbook's pre-authorized scope holds for the incident. A scope that fails on the incident
 * (a key it lacks) does not hold: pre-authorization is what must be shown, not what is left over.
 */
export function needsApproval(playbook: Playbook, step: PlaybookStep, context: ConditionContext): boolean {
  if (step.requiresApproval) return true;
  if (!step.action.destructive) return false;
  const scope = playbook.tier.preauthorizedWhen;
  if (!scope) return true;
  try {
    return !scope.evaluate(context);
  } catch (error) {
    if (error instanceof ConditionError) return true;
    throw error;
  }
}

/**
 * The step's parameters for one incident: the written ones and the action's defaults, templates
 * rendered, checked against the action's schema. Throws a TemplateError when a template fails on this
 * incident (the event names no instance), an InputError when the result does not fit the action.
 */
export function renderParameters(
  step: PlaybookStep,
  context: ConditionContext,
  item?: JsonValue,
): Record<string, JsonValue> {
  const rendered: Record<string, JsonValue> = {};
  const seen = item === undefined ? context : { ...context, item };
  for (const [key, value] of Object.entries({ ...step.action.defaults, ...step.parameters })) {
    rendered[key] = value.render(seen);
  }
  if (!step.action.validate(rendered)) {
    const [error] = step.action.validate.errors ?? [];
    throw new InputError(
      step.where,
      `step "${step.id}": parameters for ${step.action.name} ${error ? `${error.instancePath || '/'} ${error.message ?? 'are invalid'}` : 'are invalid'}: ${JSON.stringify(rendered).slice(0, 500)}`,
    );
  }
  return rendered;
}

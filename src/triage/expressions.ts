// Conditions in playbooks and the configuration — triggers (`severity == 'critical' &&
// asset.environment == 'prod'`), suppression rules — are CEL: non-Turing-complete, side-effect free,
// and what Kubernetes and Google's IAM use for the same job.
//
// The implementation is @marcbachmann/cel-js: zero dependencies (the Action is one bundled file),
// an Environment that type-checks an expression against declared variables before it ever runs (so
// `irac lint` catches `severity == critical` — an unquoted, unknown variable — at review time), and
// parse-time limits on size and depth for hostile configurations. @bufbuild/cel is closer to the
// conformance suite but brings protobuf-es and an RE2 WebAssembly module along.

import { Environment } from '@marcbachmann/cel-js';
import { InputError } from '../errors.js';

/** What a condition can see. Maps are JSON objects; a missing key is an error, `has()` tests for one. */
export const CONDITION_VARIABLES = {
  event: 'map',
  incident: 'map',
  asset: 'map',
  intel: 'map',
  history: 'map',
  score: 'double',
  severity: 'string',
} as const;

export type ConditionContext = { readonly [K in keyof typeof CONDITION_VARIABLES]: unknown };

const LIMITS = {
  maxAstNodes: 2000,
  maxDepth: 32,
  maxListElements: 1000,
  maxMapEntries: 1000,
  maxCallArguments: 32,
};
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

let environment: Environment | undefined;
/** The CEL environment of conditions and of playbook templates: the variables above, the limits. */
export function conditions(): Environment {
  if (!environment) {
    environment = new Environment({ limits: LIMITS });
    for (const [name, type] of Object.entries(CONDITION_VARIABLES)) environment.registerVariable(name, type);
  }
  return environment;
}

/** A condition that failed while running (a missing key, a type mismatch on this input). */
export class ConditionError extends Error {
  override readonly name = 'ConditionError';
  constructor(
    readonly where: string,
    readonly source: string,
    reason: string,
  ) {
    super(`${where}: ${JSON.stringify(source)}: ${reason}`);
  }
}

export interface Condition {
  readonly source: string;
  /** Where it was written: `playbooks/x.yaml:3:10`, or a config path. */
  readonly where: string;
  evaluate(context: ConditionContext): boolean;
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'invalid';
}

/** The checker's reason, with what the writer probably meant. */
export function hint(reason: string): string {
  const unknown = /^Unknown variable: (\w+)$/.exec(reason)?.[1];
  if (unknown && SEVERITIES.includes(unknown)) return `${reason} (a string needs quotes: '${unknown}')`;
  if (unknown) return `${reason} (known: ${Object.keys(CONDITION_VARIABLES).join(', ')})`;
  return reason;
}

/** Parses and type-checks a condition once; refuses anything that is not a boolean expression. */
export function compileCondition(source: string, where: string): Condition {
  let checked: ReturnType<Environment['check']>;
  try {
    checked = conditions().check(source);
  } catch (error) {
    throw new InputError(where, `condition ${JSON.stringify(source)}: ${firstLine(error)}`);
  }
  if (!checked.valid) {
    throw new InputError(where, `condition ${JSON.stringify(source)}: ${hint(firstLine(checked.error))}`);
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new InputError(where, `condition ${JSON.stringify(source)} is a ${checked.type}, not a bool`);
  }
  const program = conditions().parse(source);
  return {
    source,
    where,
    evaluate(context) {
      let result: unknown;
      try {
        result = program(context as Record<string, unknown>);
      } catch (error) {
        throw new ConditionError(where, source, firstLine(error));
      }
      if (typeof result !== 'boolean')
        throw new ConditionError(where, source, `gave ${typeof result}, not a bool`);
      return result;
    },
  };
}

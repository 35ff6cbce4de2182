// Conditions in playbooks and the configuration — triggers (`severity == 'critical' &&
// asset.environment == 'prod'`), suppression rules — are CEL: non-Turing-complete, side-effect free,
// and what Kubernetes and Google's IAM use for the same job.
//
// The implementation is @marcbachmann/cel-js: zero dependencies (the Action is one bundled file),
// an Environment that type-checks an expression against declared variables before it ever runs (so
// `irac lint` catches `severity == critical` — an unquoted, unknown variable — at review time), and
// parse-time limits on size and depth for hostile configurations. @bufbuild/cel is closer to the
// conformance suite but brings protobuf-es and an RE2 WebAssembly module along.

import { type ASTNode, Environment } from '@marcbachmann/cel-js';
import safeRegex from 'safe-regex2';
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

export interface Condition<Context extends object = ConditionContext> {
  readonly source: string;
  /** Where it was written: `playbooks/x.yaml:3:10`, or a config path. */
  readonly where: string;
  evaluate(context: Context): boolean;
}

/** What a canary check sees: the targets acted on first, each read back after the wait. */
export interface CanaryContext {
  readonly canary: {
    readonly targets: readonly {
      readonly item: unknown;
      readonly verified: boolean;
      readonly detail: string;
    }[];
    /** How many targets the canary holds… */
    readonly size: number;
    /** …out of how many the step has. */
    readonly of: number;
  };
}

let canaryEnvironment: Environment | undefined;
/** The CEL environment of a step's canary.verify: only `canary`, checked before the rest is touched. */
export function canaryConditions(): Environment {
  canaryEnvironment ??= new Environment({ limits: LIMITS }).registerVariable('canary', 'map');
  return canaryEnvironment;
}

/** The variables an expression reads (`event` in `event.region == 'x'`), from its parsed form. */
export function variablesOf(ast: ASTNode): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const { op, args } = node as { op?: unknown; args?: unknown };
    if (op === 'id' && typeof args === 'string') found.add(args);
    else visit(args);
  };
  visit(ast);
  return found;
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

// cel-js runs `matches` as a JavaScript RegExp, built anew on every call: a backtracking engine, where
// CEL's spec assumes RE2's linear one. So a pattern must be a literal, fixed at review time (one from
// the incident could be written to backtrack for ever), valid as a RegExp (RE2-only syntax such as
// `(?i)` passes the type checker, then fails on every incident), and one that safe-regex2 (fastify's
// star-height and repetition-count check) accepts. That check is a heuristic: it refuses `(a+)+` and
// `(.*a){12}`, not every slow pattern (`(a|a)*` passes); a reviewer still reads the pattern.

/** The pattern argument of each `matches` call in a parsed expression: `s.matches(p)` and `matches(s, p)`. */
function patternsOf(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null || !('op' in value)) return;
    const ast = value as ASTNode;
    if (ast.op === 'rcall' && ast.args[0] === 'matches' && ast.args[2][0]) found.push(ast.args[2][0]);
    if (ast.op === 'call' && ast.args[0] === 'matches' && ast.args[1][1]) found.push(ast.args[1][1]);
    visit(ast.args);
  };
  visit(node);
  return found;
}

/**
 * Why an expression that type-checks is refused all the same: a `matches` pattern that is not a string
 * literal, not a valid regular expression, or may backtrack catastrophically. Undefined when none is.
 */
export function patternProblem(ast: ASTNode, source: string): string | undefined {
  for (const node of patternsOf(ast)) {
    if (node.op !== 'value' || typeof node.args !== 'string') {
      const written = source.slice(node.start, node.end);
      return `matches takes its pattern as a string literal, not ${written}: a pattern taken from the incident could be written to backtrack for ever`;
    }
    const pattern = node.args;
    try {
      new RegExp(pattern);
    } catch (error) {
      const reason = firstLine(error).replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
      return `matches pattern ${JSON.stringify(pattern)} is not a valid regular expression (${reason}): patterns run as JavaScript RegExp, without RE2-only syntax such as (?i)`;
    }
    if (!safeRegex(pattern)) {
      return `matches pattern ${JSON.stringify(pattern)} may backtrack catastrophically on a hostile string (a repetition inside a repetition, or more than 25 repetitions): write it without nesting quantifiers`;
    }
  }
  return undefined;
}

/** Parses and type-checks a condition once; refuses anything that is not a boolean expression. */
export function compileCondition<Context extends object = ConditionContext>(
  source: string,
  where: string,
  environment: Environment = conditions(),
): Condition<Context> {
  let checked: ReturnType<Environment['check']>;
  try {
    checked = environment.check(source);
  } catch (error) {
    throw new InputError(where, `condition ${JSON.stringify(source)}: ${firstLine(error)}`);
  }
  if (!checked.valid) {
    throw new InputError(where, `condition ${JSON.stringify(source)}: ${hint(firstLine(checked.error))}`);
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new InputError(where, `condition ${JSON.stringify(source)} is a ${checked.type}, not a bool`);
  }
  const program = environment.parse(source);
  const refused = patternProblem(program.ast, source);
  if (refused) throw new InputError(where, `condition ${JSON.stringify(source)}: ${refused}`);
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

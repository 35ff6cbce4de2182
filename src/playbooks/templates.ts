// Step parameters that come from the incident: `instance_id: "{{ event.resources[0].id }}"`. The
// expression between `{{` and `}}` is CEL over the same variables as triggers, type-checked when the
// playbook is loaded, so `irac lint` catches a misspelled variable at review time.
//
// A string that is exactly one `{{ expr }}` gives the expression's value, of whatever type (a list of
// tags, a number); text around `{{ expr }}` gives text. `${{ … }}` is refused: it is GitHub Actions'
// syntax, which the runner would expand (from untrusted event data) before irac ever saw it.

import type { Environment } from '@marcbachmann/cel-js';
import { InputError } from '../errors.js';
import type { JsonPath, JsonValue } from '../json.js';
import {
  type ConditionContext,
  conditions,
  firstLine,
  hint,
  patternProblem,
  variablesOf,
} from '../triage/expressions.js';

/** What a template sees: what conditions see, and in a for_each step the current `item`. */
export type TemplateContext = ConditionContext & { readonly item?: unknown };

// Templates are conditions that give a value: the same variables, the same limits, and `item`, which only
// a for_each step's parameters may read (compile.ts refuses it elsewhere).
let environment: Environment | undefined;
function templates(): Environment {
  environment ??= conditions().clone().registerVariable('item', 'dyn');
  return environment;
}

/** A template that failed while rendering (a key the incident lacks, an index out of range). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly where: string,
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${where}: ${JSON.stringify(source)}: ${reason}`);
  }
}

export interface Template {
  /** The string as written, `{{ … }}` included. */
  readonly source: string;
  readonly where: string;
  /** True when the string is one `{{ expr }}` and nothing else: its value is the expression's. */
  readonly whole: boolean;
  /** The CEL type of the value: the expression's for a whole template (maybe `dyn`), else `string`. */
  readonly type: string;
  /** The variables its expressions read. */
  readonly reads: ReadonlySet<string>;
  render(context: TemplateContext): JsonValue;
}

type Piece = string | { readonly expression: string; readonly program: (context: object) => unknown };

/**
 * Where the expression opened at `start` (just after `{{`) ends: the `}}` outside string literals and
 * map literals, so that `{{ {'a': {'b': 1}} }}` and `{{ '}}' }}` read as one might hope.
 */
function closingOf(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = undefined;
      }
    } else if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0 && text[i + 1] === '}') return i;
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function compileExpression(expression: string, source: string, where: string) {
  const fail = (reason: string): never => {
    throw new InputError(where, `template ${JSON.stringify(source)}: ${reason}`);
  };
  if (expression.trim() === '') fail('{{ }} holds no expression');
  let checked: ReturnType<ReturnType<typeof conditions>['check']>;
  try {
    checked = templates().check(expression);
  } catch (error) {
    return fail(firstLine(error));
  }
  if (!checked.valid) {
    fail(hint(firstLine(checked.error)));
  }
  const type = checked.type ?? 'dyn';
  if (type === 'bytes') fail('gives bytes, which no parameter takes');
  const program = templates().parse(expression);
  const refused = patternProblem(program.ast, expression);
  if (refused) fail(refused);
  return { type, program: program as (context: object) => unknown, reads: variablesOf(program.ast) };
}

/**
 * Compiles the `{{ … }}` in `text`, written at `where`; undefined when it holds none (a plain string).
 * Throws an InputError for an expression that does not parse or type-check, and for `${{`.
 */
export function compileTemplate(text: string, where: string): Template | undefined {
  if (text.includes('${{')) {
    throw new InputError(
      where,
      `${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)} uses \${{ }}, which GitHub Actions would expand before irac reads it; write {{ }}`,
    );
  }
  const pieces: Piece[] = [];
  const reads = new Set<string>();
  let type = 'string';
  let at = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', at)) {
    const close = closingOf(text, open + 2);
    if (close === -1) throw new InputError(where, `template ${JSON.stringify(text)}: "{{" without its "}}"`);
    if (open > at) pieces.push(text.slice(at, open));
    const expression = text.slice(open + 2, close);
    const compiled = compileExpression(expression, text, where);
    pieces.push({ expression, program: compiled.program });
    for (const name of compiled.reads) reads.add(name);
    type = compiled.type;
    at = close + 2;
  }
  if (pieces.length === 0) return undefined;
  if (at < text.length) pieces.push(text.slice(at));

  const [only] = pieces;
  const whole = pieces.length === 1 && typeof only === 'object';
  const run = (piece: Exclude<Piece, string>, context: TemplateContext): JsonValue => {
    let value: unknown;
    try {
      value = piece.program(context);
    } catch (error) {
      throw new TemplateError(where, text, firstLine(error));
    }
    return toParameterValue(value, (reason) => new TemplateError(where, text, reason));
  };
  return {
    source: text,
    where,
    whole,
    type: whole ? type : 'string',
    reads,
    render(context) {
      if (whole) return run(only, context);
      return pieces
        .map((piece) => (typeof piece === 'string' ? piece : asText(run(piece, context))))
        .join('');
    },
  };
}

/** How a value reads inside text: strings as they are, lists and maps as JSON, null as nothing. */
function asText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A CEL value as a parameter: JSON, with CEL's integers, timestamps and durations made plain. */
function toParameterValue(value: unknown, fail: (reason: string) => Error): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail(`gave ${value}, which is not a number JSON can hold`);
    return value;
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw fail(`gave ${value}, too large to pass on exactly`);
    return Number(value);
  }
  if (Array.isArray(value)) return value.map((item) => toParameterValue(item, fail));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) throw fail('gave bytes, which no parameter takes');
  if (typeof value === 'object') {
    const kind = Object.getPrototypeOf(value)?.constructor?.name;
    if (kind === 'UnsignedInt') return toParameterValue((value as { valueOf(): unknown }).valueOf(), fail);
    if (kind === 'Duration') return String(value);
    const out: Record<string, JsonValue> = {};
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    for (const [key, item] of entries) {
      // Defined, not assigned: a key "__proto__" from the incident stays a key.
      Object.defineProperty(out, String(key), {
        value: toParameterValue(item, fail),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  throw fail(`gave a ${typeof value}, which no parameter takes`);
}

export interface CompiledValue {
  /** The value as written. */
  readonly written: JsonValue;
  /** Every template in it, by path from the value's root. */
  readonly templates: readonly { readonly path: JsonPath; readonly template: Template }[];
  /** Strings whose templates did not compile (reported): what they will be is unknown. */
  readonly broken: readonly JsonPath[];
  render(context: TemplateContext): JsonValue;
}

/**
 * Compiles every template in a parameter value (strings at any depth of its lists and mappings).
 * `whereOf` names where a part of it is written; each template that does not compile is passed to
 * `report` (and renders as written), so that a caller can list every problem, not just the first.
 */
export function compileValue(
  written: JsonValue,
  whereOf: (path: JsonPath) => string,
  report: (path: JsonPath, error: InputError) => void,
): CompiledValue {
  const found: { path: JsonPath; template: Template }[] = [];
  const broken: JsonPath[] = [];
  const compile = (value: JsonValue, path: JsonPath): ((context: TemplateContext) => JsonValue) => {
    if (typeof value === 'string') {
      let template: Template | undefined;
      try {
        template = compileTemplate(value, whereOf(path));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        broken.push(path);
        report(path, error);
      }
      if (template === undefined) return () => value;
      found.push({ path, template });
      const compiled = template;
      return (context) => compiled.render(context);
    }
    if (Array.isArray(value)) {
      const items = value.map((item, i) => compile(item, [...path, i]));
      return (context) => items.map((item) => item(context));
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(
        ([key, item]) => [key, compile(item, [...path, key])] as const,
      );
      return (context) => {
        const out: Record<string, JsonValue> = {};
        for (const [key, item] of entries) {
          Object.defineProperty(out, key, { value: item(context), enumerable: true, writable: true });
        }
        return out;
      };
    }
    return () => value;
  };
  const render = compile(written, []);
  return { written, templates: found, broken, render };
}

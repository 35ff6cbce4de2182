// Whether a step's parameters fit its action's schema, checked when the playbook is loaded. Written
// values are checked as they are. A template's value is only known per incident, so it is checked as
// far as CEL's type checker knows it: `{{ size(event.resources) }}` is an int, and an int is not a
// string; `{{ event.resources[0].id }}` is dyn, and passes; text around a template is a string whose
// pattern cannot be judged before it is rendered.

import type { ErrorObject } from 'ajv/dist/2020.js';
import {
  closestOf,
  expectedType,
  schemaProblem,
  subjectOf as subjectOfParameter,
} from '../config/schema-problems.js';
import { isJsonObject, type JsonPath, type JsonValue } from '../json.js';
import type { ActionSpec } from './catalogue.js';
import type { CompiledValue, Template } from './templates.js';

/** A parameter as a step writes it, with its path in the document (`steps[2].with.channel`). */
export interface WrittenParameter {
  readonly value: CompiledValue;
  readonly path: JsonPath;
}

export interface ParameterProblem {
  /** Where in the document: the value, or with `key` the key of the mapping at `path`. */
  readonly path: JsonPath;
  readonly key?: string;
  readonly what: string;
}

/** Stands for a template that did not compile: like `dyn`, it passes. */
const UNKNOWN: Template = {
  source: '',
  where: '',
  whole: true,
  type: 'dyn',
  reads: new Set(),
  render: () => null,
};

/** A value of the template's CEL type, standing in for it during validation. */
function placeholder(template: Template): JsonValue {
  const { type } = template;
  if (type === 'int' || type === 'uint') return 0;
  if (type === 'double') return 0.5;
  if (type === 'bool') return false;
  if (type === 'null') return null;
  if (type.startsWith('list')) return [];
  if (type.startsWith('map')) return {};
  // string, and timestamps and durations, which render as text.
  return template.source;
}

function substituted(value: JsonValue, templates: ReadonlyMap<string, Template>, path: JsonPath): JsonValue {
  const template = templates.get(JSON.stringify(path));
  if (template) return placeholder(template);
  if (Array.isArray(value)) return value.map((item, i) => substituted(item, templates, [...path, i]));
  if (isJsonObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: substituted(item, templates, [...path, key]),
        enumerable: true,
        writable: true,
      });
    }
    return out;
  }
  return value;
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function instancePath(error: ErrorObject): JsonPath {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/**
 * Every way the step's parameters do not fit `spec` (its schema), each at the place to fix.
 * `stepPath` locates the step itself, for a parameter it lacks; `subjectOf` names a path in messages.
 */
export function parameterProblems(
  spec: ActionSpec,
  stepId: string,
  parameters: Readonly<Record<string, WrittenParameter>>,
  stepPath: JsonPath,
  subjectOf: (path: JsonPath) => string,
): ParameterProblem[] {
  const templates = new Map<string, Template>();
  const probe: Record<string, JsonValue> = {};
  for (const [name, { value }] of Object.entries(parameters)) {
    for (const { path, template } of value.templates)
      templates.set(JSON.stringify([name, ...path]), template);
    // A template that did not compile has been reported; what it would give is anyone's guess.
    for (const path of value.broken) templates.set(JSON.stringify([name, ...path]), UNKNOWN);
    probe[name] = substituted(value.written, templates, [name]);
  }
  if (spec.validate(probe)) return [];

  const known = Object.keys((spec.parameters.properties ?? {}) as object);
  const problems: ParameterProblem[] = [];
  for (const error of spec.validate.errors ?? []) {
    const path = instancePath(error);
    const [name, ...inner] = path;
    const params = error.params as Record<string, unknown>;
    if (name === undefined) {
      if (error.keyword === 'additionalProperties') {
        const key = String(params.additionalProperty);
        const where = parameters[key]?.path ?? [...stepPath, key];
        const guess = closestOf(key, known);
        problems.push({
          path: where.slice(0, -1),
          key,
          what: `step "${stepId}": ${spec.name} has no parameter "${key}"${guess ? ` (did you mean "${guess}"?)` : ` (it takes ${known.map((k) => `"${k}"`).join(', ') || 'none'})`}`,
        });
      } else if (error.keyword === 'required') {
        problems.push({
          path: stepPath,
          what: `step "${stepId}" lacks parameter "${String(params.missingProperty)}", which ${spec.name} requires`,
        });
      }
      continue;
    }
    const written = parameters[String(name)];
    if (!written) continue;
    const docPath = [...written.path, ...inner];
    const subject = subjectOf(docPath);
    // A template decides what is at and below its path: only a type its checker knows is judged.
    const covering = [...templates].find(([key]) => isPrefix(JSON.parse(key) as JsonPath, path));
    if (covering) {
      const [key, template] = covering;
      const exact = (JSON.parse(key) as JsonPath).length === path.length;
      if (!exact || error.keyword !== 'type' || template.type === 'dyn') continue;
      const article = /^[aeiou]/.test(template.type) ? 'an' : 'a';
      const gives = template.whole ? `gives ${article} ${template.type}` : 'gives text';
      problems.push({
        path: docPath,
        what: `${subject} must be ${expectedType(params.type)}, but ${JSON.stringify(template.source)} ${gives}`,
      });
      continue;
    }
    const problem = schemaProblem(error, {});
    if (!problem) continue;
    const rest = problem.what.slice(subjectOfParameter(problem.path).length);
    problems.push(
      problem.key === undefined
        ? { path: docPath, what: `${subject}${rest}` }
        : { path: docPath, key: problem.key, what: `${subject}${rest}` },
    );
  }
  return problems;
}

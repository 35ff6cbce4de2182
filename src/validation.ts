// The validators for irac's own schemas (schemas/), compiled ahead of time into src/generated/ by
// `npm run gen:validators`, so that a run loads functions instead of compiling schemas, and never loads
// Ajv for them. test/validation.test.ts checks every schema against the JSON Schema meta-schema and the
// generated code against a fresh compile. Only a schema that is data at run time (the parameters of an
// action in a catalogue other than the shipped one) is compiled here, by Ajv, loaded on first use.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import * as fast from './generated/fast-validators.js';
import * as readable from './generated/readable-validators.js';
import type {
  ActionDefinition,
  Config,
  Dispatch,
  Incident,
  PlaybookDefinition,
  PlaybookTestFile,
  SecurityEvent,
} from './types.js';

const require = createRequire(import.meta.url);

function generated<T>(validate: unknown): () => ValidateFunction<T> {
  return () => validate as ValidateFunction<T>;
}

/** Events, dispatches, incident files: the first error only. */
export const securityEventValidator = generated<SecurityEvent>(fast.securityEvent);
export const dispatchValidator = generated<Dispatch>(fast.dispatch);
export const incidentValidator = generated<Incident>(fast.incident);

/**
 * Files people write and fix by hand: every error, each with the schema it broke (Ajv's `verbose`), so
 * that the first one in file order can be reported in words.
 */
export const configValidator = generated<Config>(readable.config);
export const actionValidator = generated<ActionDefinition>(readable.action);
export const playbookValidator = generated<PlaybookDefinition>(readable.playbook);
export const playbookTestValidator = generated<PlaybookTestFile>(readable.playbookTest);

/** The shipped action's parameters validator, compiled ahead of time; undefined for any other action. */
export function shippedParametersValidator(action: string): ValidateFunction | undefined {
  return readable.parametersByAction.get(action) as ValidateFunction | undefined;
}

let runtimeAjv: import('ajv/dist/2020.js').Ajv2020 | undefined;
/** A validator, with readable errors, for a schema that is data (an action's parameters), compiled now. */
export function readableValidator(schema: object): ValidateFunction {
  if (!runtimeAjv) {
    // Synchronous, and only on this path: a run over the shipped catalogue never loads Ajv.
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    runtimeAjv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
  }
  return runtimeAjv.compile(schema);
}

/** One line per schema error: `/client_payload must NOT have more than 10 properties`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

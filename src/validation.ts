// Ajv validators for the schemas in schemas/, compiled once on first use and shared by every stage.
// They are irac's own, fixed at build time, and test/validation.test.ts checks every one against the
// JSON Schema meta-schema: `validateSchema: false` spares each run compiling the meta-schema (tens of
// milliseconds per Ajv instance) to check them again.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import actionSchema from '../schemas/action.schema.json' with { type: 'json' };
import configSchema from '../schemas/config.schema.json' with { type: 'json' };
import dispatchSchema from '../schemas/dispatch.schema.json' with { type: 'json' };
import incidentSchema from '../schemas/incident.schema.json' with { type: 'json' };
import playbookSchema from '../schemas/playbook.schema.json' with { type: 'json' };
import securityEventSchema from '../schemas/security-event.schema.json' with { type: 'json' };
import type {
  ActionDefinition,
  Config,
  Dispatch,
  Incident,
  PlaybookDefinition,
  SecurityEvent,
} from './types.js';

// ajv-formats is CommonJS; under Node's ESM interop its default export is the plugin itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let ajv: Ajv2020 | undefined;
function compiler(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false, validateSchema: false });
    // The fast (regex-only) mode: dates are produced by toISOString, the check guards the contract.
    addFormats(ajv, { mode: 'fast', formats: ['date-time'] });
  }
  return ajv;
}

let readableAjv: Ajv2020 | undefined;
/**
 * For files people write and fix by hand: every error, each with the schema it broke, so that the
 * first one in file order can be reported in words. Events take the first error and move on.
 */
function readableCompiler(): Ajv2020 {
  if (!readableAjv) {
    readableAjv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      validateSchema: false,
      // A step parameter is a string, a number, a boolean, a list or a mapping: one union type.
      allowUnionTypes: true,
    });
    // The configuration's inline playbooks refer to it by its $id.
    readableAjv.addSchema(playbookSchema);
  }
  return readableAjv;
}

function lazy<T>(schema: object, ajvOf: () => Ajv2020 = compiler): () => ValidateFunction<T> {
  let validate: ValidateFunction<T> | undefined;
  return () => {
    validate ??= ajvOf().compile<T>(schema);
    return validate;
  };
}

export const securityEventValidator = lazy<SecurityEvent>(securityEventSchema);
export const dispatchValidator = lazy<Dispatch>(dispatchSchema);
export const incidentValidator = lazy<Incident>(incidentSchema);
export const configValidator = lazy<Config>(configSchema, readableCompiler);
export const actionValidator = lazy<ActionDefinition>(actionSchema, readableCompiler);

let playbookValidate: ValidateFunction<PlaybookDefinition> | undefined;
export function playbookValidator(): ValidateFunction<PlaybookDefinition> {
  playbookValidate ??= readableCompiler().getSchema<PlaybookDefinition>(playbookSchema.$id);
  if (!playbookValidate) throw new Error('the playbook schema is not registered');
  return playbookValidate;
}

/** A validator, with readable errors, for a schema that is data (an action's parameters). */
export function readableValidator(schema: object): ValidateFunction {
  return readableCompiler().compile(schema);
}

/** One line per schema error: `/client_payload must NOT have more than 10 properties`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

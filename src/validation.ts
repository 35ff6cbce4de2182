// Ajv validators for the schemas in schemas/, compiled once on first use and shared by every stage.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import dispatchSchema from '../schemas/dispatch.schema.json' with { type: 'json' };
import securityEventSchema from '../schemas/security-event.schema.json' with { type: 'json' };
import type { Dispatch, SecurityEvent } from './types.js';

// ajv-formats is CommonJS; under Node's ESM interop its default export is the plugin itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let ajv: Ajv2020 | undefined;
function compiler(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false });
    // The fast (regex-only) mode: dates are produced by toISOString, the check guards the contract.
    addFormats(ajv, { mode: 'fast', formats: ['date-time'] });
  }
  return ajv;
}

function lazy<T>(schema: object): () => ValidateFunction<T> {
  let validate: ValidateFunction<T> | undefined;
  return () => {
    validate ??= compiler().compile<T>(schema);
    return validate;
  };
}

export const securityEventValidator = lazy<SecurityEvent>(securityEventSchema);
export const dispatchValidator = lazy<Dispatch>(dispatchSchema);

/** One line per schema error: `/client_payload must NOT have more than 10 properties`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

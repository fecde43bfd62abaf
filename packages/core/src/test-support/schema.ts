// Validates a results document against its JSON Schema (as the other packages' tests do).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadResultSchema } from '../node/files.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The schema violations of `doc` as results file `file` (empty when it is valid). */
export function schemaErrors(file: string, doc: unknown): string[] {
  const validate = ajv.compile(loadResultSchema(file));
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

// Validates a file the kit writes against its JSON Schema from @rota-perf/core (tests only).
import { loadResultSchema } from '@rota-perf/core/node';
import { Ajv2020 } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The schema violations of `doc` as the kit's file `file` (empty when it is valid). */
export function schemaErrors(file: string, doc: unknown): string[] {
  const validate = ajv.compile(loadResultSchema(file));
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

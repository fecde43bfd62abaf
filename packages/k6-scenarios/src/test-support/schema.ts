// The results files the bundles write, checked against the core's JSON Schemas.
import { loadResultSchema } from '@rota-perf/core/node';
import { Ajv2020 } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: true });

/** The schema violations of `doc` as results file `file` (empty when valid). */
export function schemaErrors(file: string, doc: unknown): string[] {
  const validate = ajv.compile(loadResultSchema(file));
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

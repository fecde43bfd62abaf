// Each results file is checked against its JSON Schema (shipped by core) before anything is
// formatted: a mistyped file is one line naming the file and its first violation, never a
// TypeError from deep inside a chart.
import { loadResultSchema } from '@rota-perf/core/node';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ allErrors: false, strict: false });
const compiled = new Map<string, ValidateFunction>();

/** The first schema violation of `doc` as results file `file` (`/endpoints must be array`), or null. */
export function firstSchemaViolation(file: string, doc: unknown): string | null {
  let validate = compiled.get(file);
  if (validate === undefined) {
    validate = ajv.compile(loadResultSchema(file));
    compiled.set(file, validate);
  }
  if (validate(doc)) return null;
  const error = validate.errors?.[0];
  if (error === undefined) return 'does not match its schema';
  const allowed = error.params as { allowedValues?: unknown[]; additionalProperty?: string };
  const detail = allowed.additionalProperty
    ? ` ("${allowed.additionalProperty}")`
    : allowed.allowedValues
      ? ` (${allowed.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
      : '';
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${detail}`;
}

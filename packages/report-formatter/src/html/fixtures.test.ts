// The report's fixture documents follow the core's schemas, the same schemas the producers'
// tests check their real output against: the report is tested on what the tools write.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_FILES } from '@rota-perf/core';
import { loadResultSchema } from '@rota-perf/core/node';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RESULTS } from '../test-support/report-fixture.js';

describe('report fixtures', () => {
  it('hold one document per results file of the core', () => {
    expect(readdirSync(FIXTURE_RESULTS).sort()).toEqual(RESULT_FILES.map((f) => f.file).sort());
  });

  it.each(RESULT_FILES.map((f) => f.file))('%s is valid against its schema', (file) => {
    const validate = new Ajv2020({ allErrors: true }).compile(loadResultSchema(file));
    const doc: unknown = JSON.parse(readFileSync(join(FIXTURE_RESULTS, file), 'utf8'));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
});

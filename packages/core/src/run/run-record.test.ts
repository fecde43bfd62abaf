import { describe, expect, it } from 'vitest';
import { sampleRunRecord } from '../test-support/run-record.js';
import { schemaErrors } from '../test-support/schema.js';

const record = sampleRunRecord();

describe('run.json schema', () => {
  it('accepts a complete record', () => {
    expect(schemaErrors('run.json', record)).toEqual([]);
  });

  it('rejects a drifted one: unknown key, bad verdict, missing field', () => {
    expect(schemaErrors('run.json', { ...record, extra: true })).toEqual([
      ' must NOT have additional properties',
    ]);
    expect(schemaErrors('run.json', { ...record, verdict: 'ok' })).toEqual([
      '/verdict must be equal to one of the allowed values',
    ]);
    const { host: _host, ...withoutHost } = record;
    expect(schemaErrors('run.json', withoutHost)).toEqual([" must have required property 'host'"]);
  });
});

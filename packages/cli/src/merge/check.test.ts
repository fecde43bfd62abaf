import type { RunRecord, RunSeries } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { checkParts } from './check.js';
import type { InstancePart } from './parts.js';

const SERIES: RunSeries = {
  version: 1,
  interval_seconds: 1,
  started_at: '2026-12-01T06:00:00.000Z',
  engine: 'node-runner',
  requests: [],
  scenarios: [],
  seconds: [],
};

function part(
  id: string,
  segment: string | null,
  record?: { script?: string; variables?: Record<string, string> },
  thresholds: Record<string, string[]> = {},
): InstancePart {
  return {
    id,
    ndjson: `${id}/performance_k6.ndjson`,
    series: SERIES,
    segment,
    record: record
      ? ({
          script: record.script ?? 'performance',
          variables: record.variables ?? { TARGET_RPS: '5' },
        } as unknown as RunRecord)
      : null,
    thresholds: new Map(Object.entries(thresholds)),
  };
}

describe('checkParts', () => {
  it('takes the instances of one run: the script, no warning when the segments cover 0:1', () => {
    const parts = [
      part('a', '0:1/3', { variables: { TARGET_RPS: '5', RUN_ID: 'x-1', RESULTS_DIR: '/a' } }),
      part('b', '1/3:2/3', { variables: { TARGET_RPS: '5', RUN_ID: 'x-2', RESULTS_DIR: '/b' } }),
      part('c', '2/3:1', {}),
    ];
    expect(checkParts(parts)).toEqual({ script: 'performance', warnings: [] });
  });

  it('refuses another script, other settings and other thresholds, naming the instance', () => {
    expect(() =>
      checkParts([part('a', '0:1/2', {}), part('b', '1/2:1', { script: 'rps_probe' })]),
    ).toThrow(
      'b: ran script rps_probe, but a is performance (merge takes the instances of one run)',
    );
    expect(() => checkParts([part('a', '0:1/2', {})], 'rps_probe')).toThrow(
      'a: ran script performance, but --script is rps_probe',
    );
    expect(() =>
      checkParts([part('a', '0:1/2', {}), part('b', '1/2:1', { variables: { TARGET_RPS: '9' } })]),
    ).toThrow('b: TARGET_RPS=9, but a has TARGET_RPS=5 (different run settings)');
    expect(() =>
      checkParts([
        part('pod-1.ndjson', null, undefined, { http_req_duration: ['p(95)<500'] }),
        part('pod-2.ndjson', null, undefined, { http_req_duration: ['p(95)<900'] }),
      ]),
    ).toThrow(
      'pod-2.ndjson: thresholds of http_req_duration are ["p(95)<900"], but pod-1.ndjson has ["p(95)<500"] (different run settings)',
    );
  });

  it('refuses overlapping segments and warns about the parts no instance ran', () => {
    expect(() => checkParts([part('a', '0:1/2', {}), part('b', '1/3:1', {})])).toThrow(
      'segments 0:1/2 and 1/3:1 overlap (a, b): those instances ran some iterations twice',
    );
    expect(() => checkParts([part('a', '0:1/2', {}), part('b', '0:1/2', {})])).toThrow('overlap');
    expect(checkParts([part('a', '0:1/3', {}), part('c', '2/3:1', {})]).warnings).toEqual([
      'segments do not cover the whole test: 1/3:2/3 ran on no instance given',
    ]);
    expect(() => checkParts([part('a', '1/2:1/3', {})])).toThrow('a: segment "1/2:1/3" is not one');
  });

  it('cannot check the segments of k6 pods, and says so', () => {
    const { script, warnings } = checkParts([part('p1', null), part('p2', null)], 'performance');
    expect(script).toBe('performance');
    expect(warnings).toEqual([
      'segments not checked: the instances do not say which execution segment they ran (k6 --out json files do not record it)',
    ]);
    expect(() => checkParts([])).toThrow('nothing to merge');
  });
});

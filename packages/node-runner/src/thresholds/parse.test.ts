import { describe, expect, it } from 'vitest';
import { MetricRegistry } from '../metrics/registry.js';
import { bindThresholds, evaluateThresholds } from './evaluate.js';
import { assertStatFits, compare, parseThresholdExpression, parseThresholdList } from './parse.js';

describe('threshold expressions', () => {
  it.each([
    ['p(95)<500', 'p(95)', '<', 500],
    ['p(99.9) <= 1.5', 'p(99.9)', '<=', 1.5],
    ['avg<1', 'avg', '<', 1],
    ['rate<0.01', 'rate', '<', 0.01],
    ['count>=0', 'count', '>=', 0],
    ['max<1000', 'max', '<', 1000],
    ['med>2', 'med', '>', 2],
    ['min==0', 'min', '==', 0],
    ['value!=3', 'value', '!=', 3],
  ])('parses %s', (source, stat, op, value) => {
    expect(parseThresholdExpression('m', source)).toEqual({ source, stat, op, value });
  });

  it.each(['p95<500', 'avg', 'rate < abc', 'foo<1', 'p(95)<<1', ''])(
    'rejects %j with a line naming it',
    (bad) => {
      expect(() => parseThresholdExpression('http_req_duration', bad)).toThrowError(
        new RegExp(
          `invalid threshold ${JSON.stringify(bad).replace(/[()[\]]/g, '\\$&')} on metric 'http_req_duration'`,
        ),
      );
    },
  );

  it('reads the object form with abortOnFail and delayAbortEval', () => {
    const [t] = parseThresholdList('checks', [
      { threshold: 'rate>0.9', abortOnFail: true, delayAbortEval: '10s' },
    ]);
    expect(t).toMatchObject({ stat: 'rate', abortOnFail: true, delayAbortEvalMs: 10_000 });
  });

  it('refuses a statistic the metric type does not have', () => {
    const [t] = parseThresholdList('http_reqs', ['avg<1']);
    expect(() => assertStatFits('http_reqs', 'counter', t as never)).toThrow(
      /'avg' is not valid for a counter metric/,
    );
  });

  it('compares with every operator', () => {
    expect([
      compare(1, '<', 2),
      compare(2, '<=', 2),
      compare(3, '>', 2),
      compare(2, '>=', 3),
      compare(2, '===', 2),
      compare(2, '!=', 2),
    ]).toEqual([true, true, true, false, true, false]);
  });
});

describe('binding and evaluating thresholds', () => {
  it('creates the sub-metric a threshold names and judges it on matching samples only', () => {
    const reg = new MetricRegistry();
    const trend = reg.define('http_req_duration', 'trend', 'time');
    const sets = bindThresholds(reg, {
      'http_req_duration{scenario:a}': ['max<100'],
      http_req_duration: ['max<1000'],
    });
    reg.push(trend, 50, { scenario: 'a' });
    reg.push(trend, 500, { scenario: 'b' });
    expect(trend.submetrics.map((s) => s.key)).toEqual(['http_req_duration{scenario:a}']);
    expect(evaluateThresholds(sets, 1000, 1000, true)).toEqual({ failed: [], abort: false });
    reg.push(trend, 150, { scenario: 'a' });
    expect(evaluateThresholds(sets, 1000, 1000, true).failed).toEqual([
      'http_req_duration{scenario:a}',
    ]);
  });

  it('asks for an abort only for abortOnFail thresholds after delayAbortEval', () => {
    const reg = new MetricRegistry();
    const rate = reg.define('checks', 'rate');
    const sets = bindThresholds(reg, {
      checks: [{ threshold: 'rate>0.5', abortOnFail: true, delayAbortEval: '2s' }],
    });
    reg.push(rate, 0, {});
    expect(evaluateThresholds(sets, 1000, 1000, false)).toEqual({
      failed: ['checks'],
      abort: false,
    });
    expect(evaluateThresholds(sets, 3000, 3000, false)).toEqual({
      failed: ['checks'],
      abort: true,
    });
  });

  it('rejects thresholds on unknown metrics and malformed sub-metric selectors', () => {
    const reg = new MetricRegistry();
    reg.define('http_reqs', 'counter');
    expect(() => bindThresholds(reg, { nope: ['count>0'] })).toThrow(/no metric name "nope" found/);
    expect(() => bindThresholds(reg, { 'http_reqs{scenario}': ['count>0'] })).toThrow(
      /invalid sub-metric/,
    );
  });
});

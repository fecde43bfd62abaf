import { describe, expect, it } from 'vitest';
import { MetricRegistry, parseMetricSelector, type Tags } from './registry.js';

describe('MetricRegistry.push', () => {
  it('feeds a sub-metric exactly the samples whose tags match, from objects and lookups alike', () => {
    const reg = new MetricRegistry();
    const metric = reg.define('http_reqs', 'counter');
    const { filter } = parseMetricSelector('http_reqs{scenario:a,status:200}');
    const sub = reg.addSubmetric(metric, 'http_reqs{scenario:a,status:200}', filter);
    const samples: Tags[] = [
      { scenario: 'a', status: '200' },
      { scenario: 'a', status: '500' },
      { scenario: 'b', status: '200' },
      { scenario: 'a', status: '200', extra: 'x' },
    ];
    const want = samples.filter((t) => t.scenario === 'a' && t.status === '200').length;
    for (const t of samples) reg.push(metric, 1, t);
    for (const t of samples) reg.push(metric, 1, (k) => t[k]);
    expect(metric.sink.count).toBe(samples.length * 2);
    expect(sub.sink.count).toBe(want * 2);
  });
});

describe('MetricRegistry.snapshot / restore', () => {
  it('rebuilds metrics, their types and sub-metrics in a fresh registry', () => {
    const reg = new MetricRegistry();
    const trend = reg.define('my_trend', 'trend', 'time');
    const sub = reg.addSubmetric(trend, 'my_trend{a:1}', [['a', '1']]);
    for (let i = 0; i < 100; i++) reg.push(trend, i, { a: String(i % 2) });
    reg.push(reg.define('my_counter', 'counter'), 5, {});
    const copy = new MetricRegistry();
    copy.restore(structuredClone(reg.snapshot()));
    const restored = copy.metrics.get('my_trend');
    expect(restored?.contains).toBe('time');
    expect(restored?.submetrics[0]?.key).toBe('my_trend{a:1}');
    expect(restored?.submetrics[0]?.sink.values(1000, ['count', 'avg'])).toEqual(
      sub.sink.values(1000, ['count', 'avg']),
    );
    expect(copy.metrics.get('my_counter')?.sink.values(1000, [])).toEqual({ count: 5, rate: 5 });
  });
});

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

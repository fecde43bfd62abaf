import { describe, expect, it } from 'vitest';
import { createSink } from './sinks.js';

describe('metric sinks', () => {
  it('trend percentiles stay within 1% relative on 100k samples, min/max/avg exact', () => {
    const n = 100_000;
    const sink = createSink('trend');
    // Values 0.001 … 100 ms in a shuffled order: the k-th smallest is k·0.001.
    const values = Array.from({ length: n }, (_, i) => (i + 1) * 0.001);
    for (let i = values.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [values[i], values[j]] = [values[j] as number, values[i] as number];
    }
    for (const v of values) sink.add(v);
    for (const p of [50, 90, 95, 99]) {
      const expected = (p / 100) * n * 0.001;
      const got = sink.stat(`p(${p})`, 0) as number;
      expect(Math.abs(got - expected) / expected).toBeLessThan(0.01);
    }
    expect(sink.stat('min', 0)).toBe(0.001);
    expect(sink.stat('max', 0)).toBe(n * 0.001);
    expect(sink.stat('avg', 0)).toBeCloseTo(((n + 1) / 2) * 0.001, 6);
    expect(sink.values(0, ['avg', 'med', 'p(95)'])).toHaveProperty('p(95)');
  });

  it('counter, rate and gauge report k6 value shapes', () => {
    const counter = createSink('counter');
    counter.add(3);
    counter.add(2);
    expect(counter.values(2000, [])).toEqual({ count: 5, rate: 2.5 });
    const rate = createSink('rate');
    for (const v of [1, 0, 1, 1]) rate.add(v);
    expect(rate.values(0, [])).toEqual({ rate: 0.75, passes: 3, fails: 1 });
    const gauge = createSink('gauge');
    for (const v of [4, 9, 2]) gauge.add(v);
    expect(gauge.values(0, [])).toEqual({ value: 2, min: 2, max: 9 });
  });

  it('a sink restored from its state reports the same values (every type)', () => {
    const stats = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99.9)', 'count'];
    for (const type of ['counter', 'gauge', 'rate', 'trend'] as const) {
      const sink = createSink(type);
      for (let i = 1; i <= 5000; i++) sink.add(((i * 7919) % 5003) * 0.37 + (i % 3 === 0 ? 0 : 1));
      const copy = createSink(type);
      copy.add(123); // replaced, not added to
      copy.restore(structuredClone(sink.state()));
      expect({ type, values: copy.values(2000, stats) }).toEqual({
        type,
        values: sink.values(2000, stats),
      });
      expect(copy.count).toBe(sink.count);
      copy.add(1);
      expect(copy.count).toBe(sink.count + 1);
    }
  });
});

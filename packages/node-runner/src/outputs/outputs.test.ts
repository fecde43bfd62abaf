import { describe, expect, it } from 'vitest';
import { csvField } from './csv.js';
import { parseOutputSpecs } from './spec.js';
import { rfc3339Nano, unixSeconds } from './time.js';

describe('--out specs', () => {
  it('reads json=FILE and csv=FILE as k6 does, several at once', () => {
    expect(parseOutputSpecs(['json=a.ndjson', 'csv=b.csv', 'json'])).toEqual([
      { type: 'json', path: 'a.ndjson' },
      { type: 'csv', path: 'b.csv' },
      { type: 'json', path: '' },
    ]);
    // k6's defaults: json without a file writes to stdout, csv to file.csv.
    expect(parseOutputSpecs(['json=-', 'csv'])).toEqual([
      { type: 'json', path: '' },
      { type: 'csv', path: 'file.csv' },
    ]);
  });

  it("an unknown type is k6's one-line error with exit code 255", () => {
    expect(() => parseOutputSpecs(['influxdb=http://x'])).toThrow(
      "invalid output type 'influxdb', available types are: csv, json",
    );
    try {
      parseOutputSpecs(['cloud']);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(255);
    }
    expect(() => parseOutputSpecs(['csv=fileName=x.csv,saveInterval=2s'])).toThrow(
      /options in "csv=fileName=x.csv,saveInterval=2s" are not supported .* expected csv=FILE/,
    );
  });
});

describe('sample times', () => {
  it("RFC 3339 with nanoseconds, trailing zeros dropped as Go's time.Time JSON", () => {
    // Near the epoch a double holds nanoseconds exactly (in 2026 it holds about a quarter µs).
    expect(rfc3339Nano(468.84458)).toBe('1970-01-01T00:00:00.46884458Z');
    const base = Date.UTC(2026, 11, 1, 5, 29, 40);
    expect(rfc3339Nano(base + 469)).toBe('2026-12-01T05:29:40.469Z');
    expect(rfc3339Nano(base)).toBe('2026-12-01T05:29:40Z');
    // A fraction that rounds up to the next millisecond carries into it.
    expect(rfc3339Nano(base + 999.9999999)).toBe('2026-12-01T05:29:41Z');
    expect(unixSeconds(base + 999.9)).toBe(base / 1000);
  });
});

describe("csv fields quote as Go's encoding/csv: separators, quotes, line breaks, a leading space", () => {
  it.each([
    ['status is 200', 'status is 200'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' lead', '" lead"'],
  ])('%j is written %j', (field, written) => {
    expect(csvField(field)).toBe(written);
  });
});
